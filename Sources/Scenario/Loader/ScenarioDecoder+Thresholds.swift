extension ScenarioDecoder {
    func decodeThresholds(_ node: SourceNode) -> [Threshold] {
        guard let items = context.list(node, "thresholds") else { return [] }
        var out: [Threshold] = []
        for (index, item) in items.enumerated() {
            let path = "thresholds[\(index)]"
            var exprNode = item
            var abortOnFail = false
            if case .mapping = item.kind {
                guard let fields = Fields(item, path: path, allowed: ["threshold", "abortOnFail"], context: context),
                    let inner = fields.require("threshold")
                else { continue }
                exprNode = inner
                abortOnFail = fields.bool("abortOnFail") ?? false
            }
            guard let text = context.string(exprNode, path) else { continue }
            do {
                let expression = try ThresholdExpression.parse(text)
                out.append(Threshold(source: text, expression: expression, abortOnFail: abortOnFail))
            } catch {
                let singleLine = !text.contains("\n")
                let position =
                    singleLine ? exprNode.position.advanced(by: exprNode.textOffset + error.offset) : exprNode.position
                context.error(error.code, "'\(path)': \(error.message)", at: position)
            }
        }
        return out
    }
}
