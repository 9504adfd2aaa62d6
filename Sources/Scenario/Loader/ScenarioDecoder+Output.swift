extension ScenarioDecoder {
    func decodeOutput(_ node: SourceNode) -> OutputOptions {
        var output = OutputOptions()
        guard let fields = Fields(node, path: "output", allowed: ["dir", "formats"], context: context) else {
            return output
        }
        output.directory = fields.string("dir")
        if let formats = fields["formats"], let names = context.stringList(formats, "output.formats") {
            var chosen: [OutputOptions.Format] = []
            for name in names {
                if let format = OutputOptions.Format(rawValue: name) {
                    if !chosen.contains(format) { chosen.append(format) }
                } else {
                    let known = OutputOptions.Format.allCases.map(\.rawValue)
                    context.error(
                        .choice,
                        "'output.formats' has unknown format '\(name)'; use \(known.joined(separator: ", "))\(Suggestion.hint(for: name, in: known))",
                        at: formats.position
                    )
                }
            }
            output.formats = chosen
        }
        return output
    }
}
