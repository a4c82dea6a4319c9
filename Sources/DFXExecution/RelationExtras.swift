import DFXBasics
import DFXCompiler
import DFXSQL

/// What a model's config adds to its relation once built: `grants`, `persist_docs` comments and
/// PostgreSQL `indexes`. They run in the transaction that swaps the relation in (after the old
/// one is dropped, so index names are free again), so the relation never appears without them.
enum RelationExtras {
    static func statements(for node: Node, relation: RelationName, type: RelationType) throws -> [any SQLStatement] {
        var statements: [any SQLStatement] = []
        if type == .table, case .list(let indexes)? = node.config["indexes"] {
            for (position, entry) in indexes.enumerated() {
                guard let index = entry.dictValue else { throw MaterializationError("indexes entry \(position + 1) is not a mapping") }
                let columns = index["columns"]?.stringList ?? index["columns"]?.scalarText.map { [$0] } ?? []
                guard !columns.isEmpty else { throw MaterializationError("indexes entry \(position + 1) has no columns") }
                let name = String((relation.name + "__" + columns.joined(separator: "_") + "_idx").prefix(63))
                statements.append(
                    CreateIndexStatement(
                        name: name, relation: relation, columns: columns, unique: index["unique"]?.boolValue ?? false,
                        method: index["type"]?.scalarText))
            }
        }
        if let persist = node.config["persist_docs"]?.dictValue {
            if persist["relation"]?.boolValue == true, !node.description.isEmpty {
                statements.append(CommentStatement(target: .relation(relation, type), text: node.description))
            }
            if persist["columns"]?.boolValue == true {
                for column in node.columns where !column.description.isEmpty {
                    statements.append(CommentStatement(target: .column(relation, column.name), text: column.description))
                }
            }
        }
        if let grants = node.config["grants"]?.dictValue {
            for (privilegeName, roles) in grants.sorted(by: { $0.key < $1.key }) {
                guard let privilege = GrantStatement.Privilege(rawValue: privilegeName.lowercased()) else {
                    throw MaterializationError(
                        "unknown privilege '\(privilegeName)' in grants",
                        hint: "use one of: " + GrantStatement.Privilege.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let names = roles.stringList ?? roles.scalarText.map { [$0] } ?? []
                statements.append(GrantStatement(privilege: privilege, relation: relation, roles: names))
            }
        }
        return statements
    }
}
