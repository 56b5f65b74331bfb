/// Text files as offices really save them: UTF-8 (with or without a byte-order mark), or
/// Windows-1252 when the bytes are not UTF-8 (Excel's "CSV (separated by semicolons)" on an
/// Italian Windows).
public enum TextDecoding {
    /// The encoding a file was read with.
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

    /// The file's text: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
    public static func text(from bytes: some Collection<UInt8>) -> (text: String, encoding: Encoding) {
        let array = Array(bytes)
        if let utf8 = String(validating: array, as: UTF8.self) { return (utf8, .utf8) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(array.count)
        for byte in array {
            if (0x80...0x9F).contains(byte), let mapped = windows1252[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                // Latin-1 for the rest; the five bytes Windows-1252 leaves undefined stay C1 controls,
                // which the checks refuse like any other control character.
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), .windows1252)
    }

    /// Windows-1252's characters for the bytes 0x80 to 0x9F (nil: undefined).
    static let windows1252: [Unicode.Scalar?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ].map { $0.flatMap(Unicode.Scalar.init) }
}
