import CentraleFormats
import Foundation

/// Writing a command's output to a file without ever destroying one it did not create.
///
/// An existing file is replaced only with `--force`; a SQLite database is never replaced, even
/// with `--force` (its first 16 bytes say "SQLite format 3"). The text is written to a
/// temporary file beside the target and moved into place, so a failure leaves no half file.
enum OutputFile {
    /// Why a file was not written.
    enum Refusal: Error, Message {
        case cannotWrite(path: String, reason: String)
        case folder(path: String)
        case database(path: String)
        case exists(path: String)

        var italian: String {
            switch self {
            case let .cannotWrite(path, reason):
                "impossibile scrivere \(path): \(reason); controlla che la cartella esista e che si possa scrivere."
            case .folder(let path): "\(path) è una cartella; indica il nome di un file."
            case .database(let path):
                "\(path) è una base dati SQLite; non viene mai sovrascritta, nemmeno con --force. Scegli un altro nome di file."
            case .exists(let path): "\(path) esiste già; scegli un altro nome, o aggiungi --force per sostituirlo."
            }
        }

        var english: String {
            switch self {
            case let .cannotWrite(path, reason): "cannot write \(path): \(reason); check that the folder exists and is writable."
            case .folder(let path): "\(path) is a folder; give a file name."
            case .database(let path): "\(path) is a SQLite database; it is never overwritten, not even with --force. Choose another file name."
            case .exists(let path): "\(path) already exists; choose another name, or add --force to replace it."
            }
        }
    }

    /// Writes `text` to `path`.
    static func write(_ text: String, to path: String, force: Bool) throws {
        try check(path, force: force)
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw Refusal.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Refuses a path that holds a database, a folder, or (without `force`) any existing file.
    static func check(_ path: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw Refusal.folder(path: path) }
        if isSQLiteDatabase(path) {
            throw Refusal.database(path: path)
        }
        if !force { throw Refusal.exists(path: path) }
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
