import Foundation

/// Writing a command's output to a file without ever destroying one it did not create.
///
/// An existing file is replaced only with `--force`; a SQLite database is never replaced, even
/// with `--force` (its first 16 bytes say "SQLite format 3"). The text is written to a
/// temporary file beside the target and moved into place, so a failure leaves no half file.
enum OutputFile {
    /// Why a file was not written.
    struct Refusal: Error, LocalizedError {
        let message: String
        var errorDescription: String? { message }
    }

    /// Writes `text` to `path`.
    static func write(_ text: String, to path: String, force: Bool) throws {
        try check(path, force: force)
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw Refusal(message: "cannot write \(path): \(error.localizedDescription); check that the folder exists and is writable.")
        }
    }

    /// Refuses a path that holds a database, a folder, or (without `force`) any existing file.
    static func check(_ path: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw Refusal(message: "\(path) is a folder; give a file name.") }
        if isSQLiteDatabase(path) {
            throw Refusal(message: "\(path) is a SQLite database; it is never overwritten, not even with --force. Choose another file name.")
        }
        if !force { throw Refusal(message: "\(path) already exists; choose another name, or add --force to replace it.") }
    }

    /// Whether the file starts with SQLite's header, or is a database's WAL or shared-memory file.
    static func isSQLiteDatabase(_ path: String) -> Bool {
        if path.hasSuffix("-wal") || path.hasSuffix("-shm") || path.hasSuffix("-journal") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}
