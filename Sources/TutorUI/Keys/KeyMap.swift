/// Which pane has the keyboard, or the tutor as a whole for keys that work everywhere.
public enum KeyContext: CaseIterable, Sendable {
    case global, tree, lesson, output, repl

    /// The help screen's heading for the context.
    var title: String {
        switch self {
        case .global: return "Everywhere"
        case .tree: return "Course tree"
        case .lesson: return "Lesson"
        case .output: return "Output"
        case .repl: return "REPL"
        }
    }
}

/// A key, the action it triggers, and whether the footer lists it.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var inFooter: Bool

    init(_ keys: [Key], _ action: Action, footer: Bool = true) {
        self.keys = keys
        self.action = action
        self.inFooter = footer
    }

    /// `n`, `Enter/r`: how the footer and help name the keys.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The tutor's keys, kept as data: the dispatcher, the footer and the help screen all read
/// this one table (as htop's FunctionBar keeps labels, keys and events side by side).
public enum KeyMap {
    public static func bindings(_ context: KeyContext) -> [Binding] {
        switch context {
        case .global:
            return [
                Binding([.char("n")], .nextStep), Binding([.char("p")], .previousStep),
                Binding([.enter, .char("r")], .runStep), Binding([.ctrl("c"), .escape], .interrupt, footer: false),
                Binding([.char("h")], .hint), Binding([.char("s")], .solution), Binding([.char("e")], .edit),
                Binding([.char("R")], .resetStep, footer: false), Binding([.tab], .nextPane),
                Binding([.backTab], .previousPane, footer: false), Binding([.char("z"), .function(2)], .zoom, footer: false),
                Binding([.char("/")], .search),
                Binding([.char("?"), .function(1)], .help), Binding([.ctrl("l")], .redraw, footer: false),
                Binding([.ctrl("z")], .suspend, footer: false), Binding([.char("q")], .quit),
            ]
        case .tree:
            return [
                Binding([.up, .char("k")], .lineUp, footer: false), Binding([.down, .char("j")], .lineDown, footer: false),
                Binding([.pageUp], .pageUp, footer: false), Binding([.pageDown], .pageDown, footer: false),
                Binding([.home], .top, footer: false), Binding([.end], .bottom, footer: false),
                Binding([.enter, .char("o")], .open),
            ]
        case .lesson, .output:
            return [
                Binding([.up, .char("k")], .lineUp, footer: false), Binding([.down, .char("j")], .lineDown, footer: false),
                Binding([.pageUp], .pageUp, footer: false), Binding([.pageDown, .char(" ")], .pageDown, footer: false),
                Binding([.home, .char("g")], .top, footer: false), Binding([.end, .char("G")], .bottom, footer: false),
            ]
        case .repl:
            return [
                Binding([.enter], .submit), Binding([.up], .historyPrevious, footer: false),
                Binding([.down], .historyNext, footer: false), Binding([.pageUp], .pageUp, footer: false),
                Binding([.pageDown], .pageDown, footer: false), Binding([.ctrl("c"), .escape], .interrupt),
                Binding([.ctrl("d")], .leavePane), Binding([.tab], .complete),
                Binding([.backTab], .previousPane, footer: false), Binding([.function(2)], .zoom, footer: false),
                Binding([.function(1)], .help),
                Binding([.ctrl("l")], .redraw, footer: false), Binding([.ctrl("z")], .suspend, footer: false),
            ]
        }
    }

    /// The action `key` triggers in `context`: the context's own keys first, then the global
    /// ones (except in the REPL, where letters are text).
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        if let binding = bindings(context).first(where: { $0.keys.contains(key) }) { return binding.action }
        guard context != .repl else { return nil }
        return bindings(.global).first { $0.keys.contains(key) }?.action
    }

    /// What the footer lists for a focused pane, as (keys, label) pairs: its own keys, then
    /// the global ones.
    public static func footer(for context: KeyContext) -> [(keys: String, label: String)] {
        let own = bindings(context)
        let items = own.filter(\.inFooter).map { ($0.keyLabel, $0.action.label) }
        // A global key the pane uses itself (Enter opens in the tree) is not listed for it.
        let taken = Set(own.flatMap(\.keys))
        let global = bindings(.global).filter(\.inFooter).compactMap { binding -> (keys: String, label: String)? in
            let keys = binding.keys.filter { !taken.contains($0) }
            return keys.isEmpty ? nil : (keys.map(\.label).joined(separator: "/"), binding.action.label)
        }
        switch context {
        case .repl: return items
        case .tree: return items + global + [("↑↓", "Select")]
        case .lesson, .output, .global: return items + global + [("↑↓", "Scroll")]
        }
    }
}
