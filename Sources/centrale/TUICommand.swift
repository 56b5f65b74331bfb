import ArgumentParser
import CentraleDomain
import CentraleStore
import CentraleTUI
import Foundation

/// `centrale tui`: the dispatcher's screen.
struct TUICommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The dispatcher's screen: the day's trips, the engine's candidates, assignments.",
        discussion: "Keys are shown on the last line; press ? for all of them. Changes go through the same store code as the CLI."
    )

    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day to open (default: today, Europe/Rome).") var date: LocalDate?

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
