/// A fixed-width text table: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    init(alignments: [Alignment]) {
        self.alignments = alignments
    }

    mutating func add(_ cells: [String]) {
        self.rows.append(cells)
    }

    /// The table's lines, each indented by `indent` spaces, columns separated by two spaces, trailing
    /// spaces removed.
    func lines(indent: Int = 2) -> [String] {
        var widths = Array(repeating: 0, count: self.alignments.count)
        for row in self.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = Swift.max(widths[index], cell.count)
            }
        }
        return self.rows.map { row in
            var line = String(repeating: " ", count: indent)
            for (index, cell) in row.enumerated() where index < widths.count {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                line += self.alignments[index] == .right ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
