import Foundation
import ResultCodes
import Testing

@Suite("the error-code catalogue")
struct ErrorCodeCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/ResultCodes")

    @Test("every code is spelled once in the catalogue")
    func unique() {
        let spellings = ErrorCode.catalogue.map(\.rawValue)
        let repeated = Dictionary(grouping: spellings, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(repeated)")
        #expect(spellings.count > 150)
    }

    @Test("every code declared in Sources/ResultCodes is listed in a family")
    func everyDeclarationCatalogued() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasPrefix("ErrorCode+")
        }
        var declared: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let regex = try Regex(#"static let \w+ = ErrorCode\(\s*"([^"]+)""#)
            declared += text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
        }
        #expect(files.count >= 9)
        #expect(Set(declared) == Set(ErrorCode.catalogue.map(\.rawValue)))
    }

    @Test("codes are lowercase and dotted, meanings one line")
    func shape() throws {
        let regex = try Regex(#"^[a-z]+(\.[a-z0-9<>-]+)*$"#)
        for code in ErrorCode.catalogue {
            #expect(code.rawValue.wholeMatch(of: regex) != nil, "\(code)")
            #expect(!code.meaning.isEmpty && !code.meaning.contains("\n") && !code.meaning.contains("|"), "\(code)")
        }
    }

    @Test("a spelling reads back as its code, close.<code> included; an unknown one does not")
    func rawValueRoundTrip() {
        for code in ErrorCode.catalogue {
            #expect(ErrorCode(rawValue: code.rawValue)?.meaning == code.meaning, "\(code)")
        }
        #expect(ErrorCode(rawValue: "close.1001") == .closeFrame(1001))
        #expect(ErrorCode(rawValue: "close.1001")?.phase == .close)
        #expect(ErrorCode(rawValue: "close.unclean") == .closeUnclean)
        #expect(ErrorCode(rawValue: "close.early") == nil)
        #expect(ErrorCode(rawValue: "report.write") == nil)
        #expect(ErrorCode(rawValue: "tcp.nope") == nil)
    }

    @Test("timeouts and early closes are named after their phase")
    func phaseFamilies() {
        for phase in Phase.allCases {
            #expect(ErrorCode.timeout(in: phase).rawValue == "timeout.\(phase.rawValue)")
            #expect(ErrorCode.timeout(in: phase).phase == phase)
        }
        for phase in [Phase.tcp, .tls, .upgrade, .open] {
            #expect(ErrorCode.closed(during: phase).rawValue == "closed.\(phase.rawValue)")
        }
        #expect(ErrorCode.closeFrame(4000).rawValue == "close.4000")
    }

    @Test("every command failure ends with 2, 3 or 4, and usage errors with 2")
    func exitStatuses() {
        for code in ErrorCode.catalogue {
            if let status = code.exitStatus { #expect([2, 3, 4].contains(status), "\(code)") }
            if code.rawValue.hasPrefix("usage.") { #expect(code.exitStatus == 2, "\(code)") }
        }
        #expect(ErrorCodeFamily.command.codes.allSatisfy { $0.exitStatus != nil })
    }
}
