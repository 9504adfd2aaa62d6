import SystemCrypto
import Testing

@Suite("Base64 without Foundation")
struct Base64Tests {
    @Test(
        "encoding matches the RFC 4648 §10 test vectors",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
    )
    func encodesVectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test("all byte values survive a round trip, including + and / in the alphabet")
    func roundTripsAllBytes() {
        let bytes = (0...255).map { UInt8($0) }
        for length in [1, 2, 3, 16, 20, 256] {
            let slice = Array(bytes.suffix(length))
            #expect(Base64.decode(Base64.encode(slice)) == slice)
        }
    }

    @Test(
        "text that is not canonical padded base64 is refused",
        arguments: ["Zg=", "Zh==", "Zm9=", "Z===", "Zm9v=A==", "Zm9*", "====", "Zg==Zg==", " Zg=="]
    )
    func refusesInvalid(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
