import RunResults

/// Builds SVG markup with escaped text and fixed-precision coordinates (stable output for golden files).
struct SVGBuilder {
    private var body: String
    private let header: String

    /// Starts an SVG with a `viewBox` of `width`×`height`, an `id`, `role="img"` and a `<title>`.
    init(id: String, title: String, width: Double, height: Double) {
        let w = Self.number(width)
        let h = Self.number(height)
        self.header =
            "<svg id=\"\(HTMLEscaping.escape(id))\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(w) \(h)\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMidYMid meet\">"
            + "<title>\(HTMLEscaping.escape(title))</title>"
        self.body = ""
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        value.formatted(maximumFractionDigits: 1)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
        self.body +=
            "<line class=\"\(cssClass)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" "
            + "x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: String, cssClass: String) {
        self.body +=
            "<text class=\"\(cssClass)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
            + "text-anchor=\"\(anchor)\">\(HTMLEscaping.escape(text))</text>"
    }

    mutating func path(_ data: String, cssClass: String, label: String) {
        self.body +=
            "<path class=\"\(cssClass)\" d=\"\(data)\"><title>\(HTMLEscaping.escape(label))</title></path>"
    }

    mutating func circle(x: Double, y: Double, radius: Double, cssClass: String) {
        self.body +=
            "<circle class=\"\(cssClass)\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\"/>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String, label: String) {
        self.body +=
            "<rect class=\"\(cssClass)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
            + "width=\"\(Self.number(Swift.max(0, width)))\" height=\"\(Self.number(Swift.max(0, height)))\">"
            + "<title>\(HTMLEscaping.escape(label))</title></rect>"
    }

    /// The finished markup.
    func finish() -> String {
        self.header + self.body + "</svg>"
    }
}
