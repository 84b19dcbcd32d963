/// Where each pane goes for a terminal size.
///
/// Wide terminals (at least 120x30) get three columns: the course tree, the lesson, and the
/// output above the REPL. Smaller ones keep the tree on the left and stack the lesson, the
/// output and the REPL on the right. A zoomed pane (`z`) takes the whole screen above the
/// footer, and the others get no room. Below ``minimum`` there is no layout: the tutor shows
/// "terminal too small" instead.
struct Layout: Equatable {
    static let minimum = Size(width: 60, height: 16)

    var tree: Rect
    var lesson: Rect
    var output: Rect
    var repl: Rect
    var footer: Rect
    /// Vertical lines between columns.
    var separators: [Rect]

    /// Whether the panes are stacked beside a narrow tree (not the three-column layout).
    let isCompact: Bool

    init?(_ size: Size, zoomed: KeyContext? = nil) {
        guard size.width >= Layout.minimum.width, size.height >= Layout.minimum.height else { return nil }
        let height = size.height - 1
        footer = Rect(x: 0, y: height, width: size.width, height: 1)
        isCompact = !(size.width >= 120 && size.height >= 30)
        if let zoomed, zoomed != .global {
            let whole = Rect(x: 0, y: 0, width: size.width, height: height)
            let none = Rect(x: 0, y: 0, width: 0, height: 0)
            tree = zoomed == .tree ? whole : none
            lesson = zoomed == .lesson ? whole : none
            output = zoomed == .output ? whole : none
            repl = zoomed == .repl ? whole : none
            separators = []
        } else if !isCompact {
            let treeWidth = 30
            let rest = size.width - treeWidth - 2
            let lessonWidth = rest * 11 / 20
            let rightX = treeWidth + 1 + lessonWidth + 1
            let outputHeight = height * 3 / 5
            tree = Rect(x: 0, y: 0, width: treeWidth, height: height)
            lesson = Rect(x: treeWidth + 1, y: 0, width: lessonWidth, height: height)
            output = Rect(x: rightX, y: 0, width: size.width - rightX, height: outputHeight)
            repl = Rect(x: rightX, y: outputHeight, width: size.width - rightX, height: height - outputHeight)
            separators = [Rect(x: treeWidth, y: 0, width: 1, height: height),
                          Rect(x: rightX - 1, y: 0, width: 1, height: height)]
        } else {
            let treeWidth = min(28, max(22, size.width * 3 / 10))
            let rightX = treeWidth + 1
            let width = size.width - rightX
            // Lesson and output share the height (the lesson at least seven rows); the REPL
            // keeps a fifth, at least four rows.
            let replHeight = max(4, height / 5)
            let lessonHeight = max(7, (height - replHeight) / 2)
            let outputHeight = height - replHeight - lessonHeight
            tree = Rect(x: 0, y: 0, width: treeWidth, height: height)
            lesson = Rect(x: rightX, y: 0, width: width, height: lessonHeight)
            output = Rect(x: rightX, y: lessonHeight, width: width, height: outputHeight)
            repl = Rect(x: rightX, y: lessonHeight + outputHeight, width: width, height: height - lessonHeight - outputHeight)
            separators = [Rect(x: treeWidth, y: 0, width: 1, height: height)]
        }
    }

    /// The pane at a cell, for the mouse.
    func context(atX x: Int, y: Int) -> KeyContext? {
        // Empty rectangles (panes hidden by a zoom) contain no cell.
        if tree.contains(x: x, y: y) { return .tree }
        if lesson.contains(x: x, y: y) { return .lesson }
        if output.contains(x: x, y: y) { return .output }
        if repl.contains(x: x, y: y) { return .repl }
        return nil
    }
}
