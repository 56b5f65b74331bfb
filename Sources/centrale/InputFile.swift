import CentraleFormats
import CentraleStore
import Foundation

/// Reading a file named on the command line, with why it cannot be read in the program's own
/// words (`UnreadableFile`), never the operating system's English.
enum InputFile {
    /// The bytes of the file at `path`, or why they cannot be read.
    static func contents(_ path: String) -> Result<Data, UnreadableFile> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        if isDirectory.boolValue { return .failure(.folder) }
        guard manager.isReadableFile(atPath: path) else { return .failure(.permission) }
        guard let data = manager.contents(atPath: path) else { return .failure(.failed) }
        return .success(data)
    }
}

extension Result where Success == Data, Failure == UnreadableFile {
    /// The bytes, or the store's refusal naming `path` and why it cannot be read.
    func get(orRefuse path: String) throws -> Data {
        switch self {
        case .success(let data): return data
        case .failure(let why): throw StoreError.refused(.input(.unreadableFile(path, why)))
        }
    }
}
