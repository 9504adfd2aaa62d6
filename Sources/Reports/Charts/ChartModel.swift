/// One chart of the HTML report, ready for the template: an inline SVG or, without data, a note.
struct ChartModel {
    /// The element id (`chart-latency-spectrum`), stable so tests and links can find the chart.
    let id: String
    /// The heading and the SVG `<title>`.
    let title: String
    /// One sentence on how to read the chart.
    let caption: String
    /// The SVG markup (already escaped), empty when there is no data.
    let svg: String
    /// Series names with their colour class, for the legend under the chart.
    let legend: [LegendEntry]
    /// Shown instead of the chart when there is no data.
    let emptyNote: String

    /// A legend entry: a series name and the CSS class (`s0`…`s7`) that colours it.
    struct LegendEntry {
        let name: String
        let colorClass: String
    }

    /// Whether the chart has something to draw (the template shows `emptyNote` otherwise); stored,
    /// because the template engine reads stored properties only.
    let hasData: Bool
    /// Whether there is a legend to show.
    let hasLegend: Bool

    init(id: String, title: String, caption: String, svg: String, legend: [LegendEntry], emptyNote: String) {
        self.id = id
        self.title = title
        self.caption = caption
        self.svg = svg
        self.legend = legend
        self.emptyNote = emptyNote
        self.hasData = !svg.isEmpty
        self.hasLegend = !legend.isEmpty
    }

    /// A chart with nothing to draw.
    static func empty(id: String, title: String, caption: String, note: String) -> ChartModel {
        ChartModel(id: id, title: title, caption: caption, svg: "", legend: [], emptyNote: note)
    }
}
