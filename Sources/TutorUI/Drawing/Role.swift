/// What a cell shows, named by role rather than colour (as htop's `CRT.c` does); a
/// ``Theme`` maps each role to colours and attributes.
public enum Role: UInt8, CaseIterable, Sendable {
    case normal
    case dim
    // Prose
    case heading
    case strong
    case emphasis
    case inlineCode
    case link
    case quote
    // Code
    case code
    case codeKeyword
    case codeBuiltin
    case codeString
    case codeNumber
    case codeComment
    case codeDecorator
    case codeDefinition
    case lineNumber
    // Frame
    case paneTitle
    case paneTitleFocused
    case border
    case selection
    case selectionUnfocused
    case footer
    case footerKey
    // Outcomes and output
    case stdout
    case stderr
    case traceback
    case info
    case success
    case failure
    case running
    case hint
    case prompt
    case diffAdded
    case diffRemoved
    case dialog
}
