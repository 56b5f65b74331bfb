import Foundation
import Testing

/// A small golden-file comparator: the text a renderer gives must equal the file committed under
/// `Golden/`. A missing or different golden fails the test. `CENTRALE_RECORD_GOLDEN=1` writes the
/// files anew (and still fails, so that recording is never mistaken for passing): review each
/// new file by eye, then run the tests again without it.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var recording: Bool { ProcessInfo.processInfo.environment["CENTRALE_RECORD_GOLDEN"] == "1" }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: file)
            Issue.record("recorded \(name): review it by eye, then run again without CENTRALE_RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = try? Data(contentsOf: file) else {
            Issue.record("no golden file \(name): record it with CENTRALE_RECORD_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("golden-actual-\(name)")
        try? Data(text.utf8).write(to: actual)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
            \(name) differs from its golden file at line \(first + 1):
              golden: \(first < expectedLines.count ? String(expectedLines[first]) : "(end)")
              actual: \(first < actualLines.count ? String(actualLines[first]) : "(end)")
            actual output written to \(actual.path)
            """, sourceLocation: sourceLocation)
    }

    static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}
