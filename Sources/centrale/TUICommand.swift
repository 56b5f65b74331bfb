import ArgumentParser
import CentraleDomain
import CentraleTUI
import Foundation

/// `centrale tui`: the dispatcher's screen.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The dispatcher's screen: the day's trips, the engine's candidates, assignments.",
        discussion: "Keys are shown on the last line; press ? for all of them. Changes go through the same store code as the CLI."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The day to open (default: today, Europe/Rome).") var date: LocalDate?
    @Option(name: .customLong("operator"), help: "Who is at the keyboard (default: the OS user).") var operatorOption: String?

    func run() throws {
        try reportingErrors {
            let store = try global.openStore()
            let controller = try TUIController(store: store, date: date ?? store.today(), operatorName: try operatorName(operatorOption))
            let terminal = Terminal()
            while true {
                let (width, height) = terminal.size
                terminal.paint(Layout.render(controller.state, width: width, height: height))
                guard let key = terminal.readKey() else { break } // the terminal is gone
                if !controller.handle(key, pageSize: max(height - 5, 1)) { break }
            }
        }
    }
}
