/// Free text inside Markdown: what would change the document's structure is escaped.
public enum Markdown {
    /// The text as one Markdown table cell or list item: `|`, backslashes and the characters
    /// that start emphasis, code, links or HTML are backslash-escaped, and a line break becomes
    /// `<br>`, so a reason or a name can neither split a row nor inject markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\r\n", "\n", "\r": out += "<br>"
            case "\\", "|", "<", ">", "`", "*", "_", "[", "]": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }
}
