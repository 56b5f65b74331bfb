import ArgumentParser
import CentraleDomain
import CentraleStore
import CentraleTUI
import Foundation

/// `centrale tui`: the dispatcher's screen.
struct TUICommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "tui",
        abstract: localized(it: "Lo schermo dell'operatore di centrale: i servizi del giorno, i candidati proposti dal motore, le assegnazioni.",
                            en: "The dispatcher's screen: the day's trips, the engine's candidates, assignments."),
        discussion: localized(it: "I tasti sono indicati nell'ultima riga; premi ? per vederli tutti. Le modifiche passano dallo stesso codice della CLI che scrive nella base dati.",
                              en: "Keys are shown on the last line; press ? for all of them. Changes go through the same store code as the CLI.")
    ) }

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il giorno da aprire (predefinito: oggi, fuso Europe/Rome).", en: "The day to open (default: today, Europe/Rome)."), valueName: localized(it: "data", en: "date"))) var date: LocalDate?

    func run(_ context: AppContext) throws {
        let controller = try TUIController(context: context, date: date ?? context.store.today())
        let terminal = Terminal()
        while true {
            let (width, height) = terminal.size
            terminal.paint(Layout.render(controller.state, width: width, height: height))
            guard let key = terminal.readKey() else { break } // the terminal is gone
            if !controller.handle(key, pageSize: max(height - 5, 1)) { break }
        }
    }
}
