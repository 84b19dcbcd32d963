/// How a role looks: terminal colours (ncurses numbers, -1 for the terminal's default) and
/// attributes.
public struct Style: Equatable, Sendable {
    public var foreground: Int16 = -1
    public var background: Int16 = -1
    public var attributes: Attributes = []

    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let italic = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
        public static let reverse = Attributes(rawValue: 16)
    }
}

/// Maps every ``Role`` to a ``Style``: a colour theme, and a monochrome one for terminals
/// without colours or when `NO_COLOR` is set.
public struct Theme: Sendable {
    private let styles: [Style]

    public init(_ style: (Role) -> Style) {
        styles = Role.allCases.map(style)
    }

    public subscript(role: Role) -> Style { styles[Int(role.rawValue)] }

    // ncurses' colour numbers.
    private static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3
    private static let blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7

    public static let colour = Theme { role in
        switch role {
        case .normal, .code, .stdout: return Style()
        case .dim, .border, .lineNumber, .codeComment: return Style(attributes: .dim)
        case .heading: return Style(foreground: cyan, attributes: .bold)
        case .strong: return Style(attributes: .bold)
        case .emphasis: return Style(attributes: .italic)
        case .inlineCode: return Style(foreground: yellow)
        case .link: return Style(foreground: blue, attributes: .underline)
        case .quote: return Style(attributes: [.dim, .italic])
        case .codeKeyword: return Style(foreground: magenta, attributes: .bold)
        case .codeBuiltin: return Style(foreground: cyan)
        case .codeString: return Style(foreground: green)
        case .codeNumber: return Style(foreground: yellow)
        case .codeDecorator: return Style(foreground: magenta)
        case .codeDefinition: return Style(foreground: blue, attributes: .bold)
        case .paneTitle: return Style(foreground: white, background: blue)
        case .paneTitleFocused: return Style(foreground: black, background: cyan, attributes: .bold)
        case .selection: return Style(foreground: black, background: cyan)
        case .selectionUnfocused: return Style(attributes: .reverse)
        case .footer: return Style()
        case .footerKey: return Style(foreground: black, background: cyan)
        case .stderr: return Style(foreground: yellow)
        case .traceback: return Style(foreground: red)
        case .info: return Style(foreground: cyan, attributes: .dim)
        case .success: return Style(foreground: green, attributes: .bold)
        case .failure: return Style(foreground: red, attributes: .bold)
        case .running: return Style(foreground: yellow, attributes: .bold)
        case .hint: return Style(foreground: cyan)
        case .prompt: return Style(foreground: green, attributes: .bold)
        case .diffAdded: return Style(foreground: green)
        case .diffRemoved: return Style(foreground: red)
        case .dialog: return Style(foreground: black, background: white)
        }
    }

    public static let monochrome = Theme { role in
        switch role {
        case .dim, .border, .lineNumber, .codeComment, .info, .quote: return Style(attributes: .dim)
        case .heading: return Style(attributes: [.bold, .underline])
        case .strong, .codeKeyword, .codeDefinition, .success, .failure, .running, .prompt: return Style(attributes: .bold)
        case .emphasis: return Style(attributes: .italic)
        case .link: return Style(attributes: .underline)
        case .paneTitle, .selectionUnfocused, .footerKey, .dialog: return Style(attributes: .reverse)
        case .paneTitleFocused, .selection: return Style(attributes: [.reverse, .bold])
        default: return Style()
        }
    }
}
