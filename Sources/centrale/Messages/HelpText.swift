import CentraleFormats

/// The language of the command line's help, abstracts and option descriptions: the run's
/// language, decided before parsing (`--lang` among the arguments, else `CENTRALE_LANG`, else
/// Italian), because ArgumentParser builds the help while it parses.
///
/// A task-local value, so that commands run in parallel in one process (the tests) each get
/// their own; `Centrale.execute` binds it around parsing and running.
enum HelpLanguage {
    @TaskLocal static var current: Language = .it

    /// The language the arguments and the environment ask for (an unknown one is Italian: the
    /// context refuses it later with a message).
    static func of(_ arguments: [String], environment: [String: String]) -> Language {
        if let index = arguments.lastIndex(of: "--lang"), index + 1 < arguments.count, let lang = Language(rawValue: arguments[index + 1]) {
            return lang
        }
        if let value = arguments.last(where: { $0.hasPrefix("--lang=") }), let lang = Language(rawValue: String(value.dropFirst(7))) {
            return lang
        }
        return environment["CENTRALE_LANG"].flatMap(Language.init(rawValue:)) ?? .it
    }
}

/// A help text in both languages: the one of the run (`HelpLanguage.current`). Both are
/// required, so no option can have its help in one language only.
func localized(it italian: String, en english: String) -> String {
    HelpLanguage.current == .it ? italian : english
}
