import DFXBasics
import DFXCompiler

/// What a failing test found, in a sentence: `2 values of orders.id appear more than once`.
///
/// The count is the test's failure count, so it counts what the test's query returns: distinct
/// values for `unique` and `accepted_values`, combinations for `unique_combination_of_columns`,
/// rows for the others (see BuiltinMacros).
enum TestDescription {
    static func sentence(for node: Node, attached: Node?, failures count: Int) -> String {
        guard let metadata = node.testMetadata else {
            return "singular test \(node.name) returned \(plural(count, "failing row"))"
        }
        let target = attached.map(displayName) ?? "the model"
        let kwargs = metadata.kwargs
        let columnText = node.columnName ?? kwargs["column_name"]?.scalarText ?? ""
        let column = columnText.isEmpty ? target : target + "." + columnText
        switch metadata.name {
        case "unique":
            return "\(plural(count, "value")) of \(column) \(count == 1 ? "appears" : "appear") more than once"
        case "not_null":
            return "\(plural(count, "row")) of \(target) \(count == 1 ? "has" : "have") a null \(columnText)"
        case "accepted_values":
            let values = (kwargs["values"]?.stringList ?? []).joined(separator: ", ")
            return "\(plural(count, "distinct value")) of \(column) \(count == 1 ? "is" : "are") not among the accepted values (\(values))"
        case "relationships":
            let parent = kwargs["to"]?.scalarText.map(relationText) ?? "the parent"
            let field = kwargs["field"]?.scalarText ?? "?"
            return "\(plural(count, "row")) of \(column) \(count == 1 ? "has" : "have") no match in \(parent).\(field)"
        case "unique_combination_of_columns":
            let columns = (kwargs["combination_of_columns"]?.stringList ?? []).joined(separator: ", ")
            return "\(plural(count, "combination")) of (\(columns)) in \(target) \(count == 1 ? "appears" : "appear") more than once"
        case "expression_is_true":
            let expression = ((columnText.isEmpty ? "" : columnText + " ") + (kwargs["expression"]?.scalarText ?? "")).trimmingSpaces
            return "\(plural(count, "row")) of \(target) \(count == 1 ? "does" : "do") not satisfy \(expression)"
        case "not_empty":
            return "\(target) has no rows"
        case "accepted_range":
            let inclusive = kwargs["inclusive"]?.boolValue ?? true
            var bounds: [String] = []
            if let low = kwargs["min_value"]?.scalarText { bounds.append((inclusive ? ">= " : "> ") + low) }
            if let high = kwargs["max_value"]?.scalarText { bounds.append((inclusive ? "<= " : "< ") + high) }
            return "\(plural(count, "row")) of \(column) \(count == 1 ? "is" : "are") outside the accepted range (\(bounds.joined(separator: " and ")))"
        case "not_null_proportion":
            let low = kwargs["at_least"]?.scalarText ?? "?"
            let high = kwargs["at_most"]?.scalarText ?? "1.0"
            return "the proportion of non-null values of \(column) is outside [\(low), \(high)]"
        default:
            return "test \(metadata.name) on \(column) returned \(plural(count, "failing row"))"
        }
    }

    /// `orders`, or `raw.orders` for a source table.
    static func displayName(_ node: Node) -> String {
        if node.resourceType == .source, let source = node.sourceName { return source + "." + node.name }
        return node.name
    }

    /// `ref('customers')` → `customers`, `source('raw', 'orders')` → `raw.orders`.
    static func relationText(_ text: String) -> String {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return text }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let parts = inner.split(separator: ",").map {
            $0.trimmingCharacters(in: " \"'")
        }
        return parts.joined(separator: ".")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
