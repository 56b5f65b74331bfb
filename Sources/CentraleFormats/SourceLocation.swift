/// A place in a text file, for error messages that say where to look.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name or path as the user gave it.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`.
    public var description: String { "\(file):\(line)" }
}

/// A problem in an input file: where, which field, what is wrong and what is expected.
///
/// Rendered as `FILE:LINE: field: message`, the shape every checker of Centrale uses.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The field (column or key) concerned, or empty for the whole line.
    public var field: String
    /// What is wrong and what is expected.
    public var message: String

    /// Creates an error.
    public init(_ location: SourceLocation, field: String, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// `FILE:LINE: field: message`.
    public var description: String {
        field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}

/// Several problems found in one pass over one or more files.
public struct FieldErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var errors: [FieldError]

    /// Creates a list of problems.
    public init(_ errors: [FieldError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
