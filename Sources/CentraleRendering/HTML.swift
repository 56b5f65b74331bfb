/// Escaping for the text the Swift side writes into HTML: the SVG charts' labels. The same five
/// characters as the templates' `{{ }}`.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
