import CNcursesw
import CentraleTUI
import Foundation

/// The ncurses terminal: paints lines of styled text and reads keys. Only paints: every
/// decision is in `CentraleTUI`.
final class Terminal {
    private var window: UnsafeMutablePointer<WINDOW>?

    init() {
        setlocale(LC_ALL, "")
        window = initscr()
        cbreak()
        noecho()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_YELLOW), -1)  // pending
            init_pair(2, Int16(COLOR_GREEN), -1)   // assigned, done
            init_pair(3, Int16(COLOR_RED), -1)     // unassignable, no-show
            init_pair(4, Int16(COLOR_CYAN), -1)    // header
            init_pair(5, Int16(COLOR_BLACK), Int16(COLOR_CYAN)) // title, keys
            init_pair(6, Int16(COLOR_MAGENTA), -1) // message
        }
        wtimeout(window, 1000)
    }

    deinit { endwin() }

    /// The terminal's size.
    var size: (width: Int, height: Int) { (Int(centrale_cols()), Int(centrale_lines())) }

    /// Paints the lines.
    func paint(_ lines: [Line]) {
        werase(window)
        for (y, line) in lines.enumerated() {
            var x: Int32 = 0
            for span in line {
                let attributes = attributes(span.style)
                wattron(window, Int32(attributes))
                mvwaddstr(window, Int32(y), x, span.text)
                wattroff(window, Int32(attributes))
                x += Int32(span.text.count)
            }
        }
        wrefresh(window)
    }

    private func attributes(_ style: Style) -> attr_t {
        switch style {
        case .normal: 0
        case .title, .keys: centrale_color_pair(5)
        case .header: centrale_color_pair(4) | centrale_a_bold()
        case .selected: centrale_a_reverse()
        case .dim: 0
        case .message: centrale_color_pair(6) | centrale_a_bold()
        case .status(let status):
            switch status {
            case .pending: centrale_color_pair(1)
            case .assigned, .done: centrale_color_pair(2)
            case .unassignable, .noShow: centrale_color_pair(3) | centrale_a_bold()
            case .cancelled: 0
            }
        }
    }

    /// Consecutive reads that failed at once (not after the timeout): the terminal is gone.
    private var failedReads = 0

    /// The next key, `.tick` after a second without one, or nil when the terminal is gone (a
    /// closed window or a dropped connection), so that the program ends instead of spinning.
    func readKey() -> Key? {
        var character: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(window, &character)
        if result == ERR {
            let waited = DispatchTime.now().uptimeNanoseconds - started
            failedReads = waited < 100_000_000 ? failedReads + 1 : 0
            return failedReads >= 20 ? nil : .tick
        }
        failedReads = 0
        if result == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_BACKSPACE: return .backspace
            case KEY_ENTER: return .enter
            case centrale_key_resize(): return .resize
            default: return .tick
            }
        }
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 9: return .tab
        case 21: return .clearField
        default: return Unicode.Scalar(UInt32(character)).map { .char(Character($0)) } ?? .tick
        }
    }
}
