/// Quick checks on text before compiling it as a template.
public enum TemplateSyntax {
    /// Whether `text` holds an expression or statement opener (`{{` or `{%`), so that rendering it
    /// could give anything but the text itself. A byte scan: hosts call it on every description and
    /// YAML string of a project (`String.contains` with Foundation imported is a locale-aware
    /// substring search costing ~9,000 instructions per call).
    public static func hasTags(_ text: String) -> Bool {
        hasOpener(in: text, orPercent: true)
    }

    /// Whether `text` holds `{{`, the only opener a host that renders expressions only cares about.
    public static func hasExpressions(_ text: String) -> Bool {
        hasOpener(in: text, orPercent: false)
    }

    private static func hasOpener(in text: String, orPercent: Bool) -> Bool {
        func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            var afterBrace = false
            for byte in bytes {
                if afterBrace && (byte == UInt8(ascii: "{") || (orPercent && byte == UInt8(ascii: "%"))) { return true }
                afterBrace = byte == UInt8(ascii: "{")
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
    }
}
