import CentraleRegistry
import CentraleFormats
import Foundation

/// Reads a registry folder from disk (the I/O edge of `CentraleRegistry`).
enum RegistryFolder {
    /// Reads and decodes the registry files in `path`.
    /// - Throws: `FieldErrors` naming each file that is missing, unreadable or malformed.
    static func read(_ path: String) throws -> Registry {
        var texts: [Registry.File: String] = [:]
        var errors: [FieldError] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FieldError(SourceLocation(file: path, line: 0), field: "--data",
                             CLIMessage.notAFolder(files: Registry.File.allCases.map(\.rawValue)))
        }
        for file in Registry.File.allCases {
            let url = URL(fileURLWithPath: path).appendingPathComponent(file.rawValue)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append(FieldError(SourceLocation(file: "\(path)/\(file.rawValue)", line: 1), field: "",
                                         CLIMessage.notUTF8))
                continue
            }
            texts[file] = text
        }
        guard errors.isEmpty else { throw FieldErrors(errors) }
        return try Registry.decode(texts, folder: path)
    }
}
