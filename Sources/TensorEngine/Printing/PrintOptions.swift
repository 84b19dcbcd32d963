import Synchronization

/// PyTorch's print options (`torch._tensor_str.PRINT_OPTS`).
///
/// `PrintOptions.current` is the process-wide value that `torch.set_printoptions`
/// changes; `formatTensor` reads it unless it is given options explicitly.
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point (`'{:.Nf}'` / `'{:.Ne}'`).
    public var precision: Int = 4
    /// Tensors with more elements than this are summarised. `.infinity` never summarises.
    public var threshold: Double = 1000
    /// Items shown at the start and end of each summarised dimension.
    public var edgeitems: Int = 3
    /// Characters per line used to wrap rows and suffixes.
    public var linewidth: Int = 80
    /// `nil` lets the formatter decide; `true`/`false` force scientific notation on/off.
    public var sciMode: Bool? = nil

    /// The `profile=` presets of `torch.set_printoptions`.
    public enum Profile: String, Sendable, CaseIterable {
        case `default`, short, full
    }

    /// The default options (`profile="default"`).
    public init() {}

    public init(precision: Int = 4, threshold: Double = 1000, edgeitems: Int = 3, linewidth: Int = 80, sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.sciMode = sciMode
    }

    public static let `default` = PrintOptions()

    /// Applies a profile's precision, threshold, edgeitems and linewidth (not `sciMode`).
    public mutating func apply(profile: Profile) {
        switch profile {
        case .default: precision = 4; threshold = 1000; edgeitems = 3; linewidth = 80
        case .short: precision = 2; threshold = 1000; edgeitems = 2; linewidth = 80
        case .full: precision = 4; threshold = .infinity; edgeitems = 3; linewidth = 80
        }
    }

    /// `torch.set_printoptions(...)` applied to this value: the profile first, then any
    /// explicit option; `sci_mode` is always assigned (omitting it resets it to `nil`).
    public mutating func set(precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
                             linewidth: Int? = nil, profile: Profile? = nil, sciMode: Bool? = nil) {
        if let profile { apply(profile: profile) }
        if let precision { self.precision = precision }
        if let threshold { self.threshold = threshold }
        if let edgeitems { self.edgeitems = edgeitems }
        if let linewidth { self.linewidth = linewidth }
        self.sciMode = sciMode
    }

    private static let storage = Mutex(PrintOptions())

    /// The process-wide options (PyTorch's `PRINT_OPTS`).
    public static var current: PrintOptions {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    /// `torch.set_printoptions(...)` on the process-wide options.
    public static func setPrintOptions(precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
                                       linewidth: Int? = nil, profile: Profile? = nil, sciMode: Bool? = nil) {
        storage.withLock {
            $0.set(precision: precision, threshold: threshold, edgeitems: edgeitems,
                   linewidth: linewidth, profile: profile, sciMode: sciMode)
        }
    }
}
