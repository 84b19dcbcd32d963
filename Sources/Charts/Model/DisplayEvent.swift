/// What plotting code hands to the host, which decides how to show it: the tutor's output pane
/// draws it (a live chart redraws in place), `pytorch-tutor run` writes it to stdout.
public enum DisplayEvent: Equatable, Sendable {
    /// A finished figure (`plt.show()`, `SummaryWriter.add_image`, `add_histogram`).
    case figure(Figure)
    /// A point logged with `SummaryWriter.add_scalar`; `writer` tells writers apart, so each
    /// gets its own live chart.
    case scalar(writer: Int, tag: String, step: Double, value: Double)
}
