import CentraleFormats
import Foundation
import Mustache

/// The HTML pages' templates, shipped in this module's resource bundle (`Templates/*.mustache`).
/// `{{value}}` escapes for HTML; only precomputed markup built with escaped text inside (the SVG
/// charts) goes out unescaped, as `{{{value}}}`.
enum Templates {
    static let names = ["statement", "report", "counts", "page"]

    /// Parsed once; a template missing from the bundle or failing to parse is kept as the error.
    private static let library: Result<MustacheLibrary, RenderingError> = {
        var library = MustacheLibrary()
        for name in names {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                  let text = try? String(contentsOf: url, encoding: .utf8)
            else { return .failure(.templateMissing(name, bundle: Bundle.module.bundlePath)) }
            // The files end with a line break; a page ends at `</html>` (whoever writes it adds one) and a partial inline.
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            do { try library.register(body, named: name) } catch { return .failure(.templateInvalid(name, "\(error)")) }
        }
        return .success(library)
    }()

    static func render(_ object: Any, template name: String) throws -> String {
        guard let text = try library.get().render(object, withTemplate: name) else {
            throw RenderingError.templateMissing(name, bundle: Bundle.module.bundlePath)
        }
        return text
    }
}

/// What can go wrong in rendering: only a broken installation (the templates are part of it).
public enum RenderingError: Error, CustomStringConvertible, Equatable, Sendable {
    case templateMissing(String, bundle: String)
    case templateInvalid(String, String)

    public var description: String {
        switch self {
        case .templateMissing(let name, let bundle): "the HTML template '\(name)' is missing from \(bundle): reinstall Centrale (tools/install.sh)"
        case .templateInvalid(let name, let error): "the HTML template '\(name)' does not parse: \(error)"
        }
    }
}
