import DFXSQL
import DFXSeed

#if canImport(Glibc)
import Glibc
#endif

/// Parses a seed CSV with DFXSeed (validation + inference), then encodes it as COPY text and as SQLite
/// values, printing rows/s and MB/s for each phase. With `--sql TABLE`, prints instead a psql script
/// that creates TABLE with the inferred PostgreSQL types and loads it with COPY FROM STDIN, to check
/// against a real server that every inferred type and escape is accepted.
@main
struct SeedBench {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func report(_ phase: String, rows: Int, bytes: Int, seconds: Double) {
        let rate = Int(Double(rows) / seconds)
        let megabytes = Double(bytes) / 1e6 / seconds
        print("\(phase): \(rows) rows in \(String(Int(seconds * 1000))) ms = \(rate) rows/s, \(Int(megabytes)) MB/s")
    }

    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            print("usage: seed-bench FILE.csv [--sql TABLE]")
            exit(2)
        }
        if arguments.count == 4, arguments[2] == "--sql" {
            try printLoadScript(arguments[1], table: arguments[3])
            return
        }
        // Best of three: the machine is shared, so the fastest run is the least disturbed one.
        var best = Double.infinity
        var parsed: SeedTable?
        for _ in 0..<3 {
            let start = now()
            parsed = try SeedTable(contentsOf: arguments[1], path: arguments[1])
            best = min(best, now() - start)
        }
        guard let table = parsed else { return }
        report("read+parse+infer (best of 3)", rows: table.rowCount, bytes: table.bytes.count, seconds: best)
        print("columns: " + table.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", "))

        var start = now()
        var copyBytes = 0
        try table.copyText { copyBytes += $0.count }
        var seconds = now() - start
        report("COPY text encode (\(copyBytes) bytes)", rows: table.rowCount, bytes: table.bytes.count, seconds: seconds)

        start = now()
        var nulls = 0
        try table.forEachRow { row in for value in row where value == .null { nulls += 1 } }
        seconds = now() - start
        report("SQLite values (\(nulls) NULLs)", rows: table.rowCount, bytes: table.bytes.count, seconds: seconds)
    }

    /// `create table` with the inferred types, then the rows as COPY text, for psql.
    static func printLoadScript(_ file: String, table name: String) throws {
        let table = try SeedTable(contentsOf: file, path: file)
        let dialect = SQLDialect.postgres
        let columns = table.columns.map { dialect.quoteIdentifier($0.name) + " " + $0.type.sqlType(for: dialect) }
        print("drop table if exists \(dialect.quoteIdentifier(name));")
        print("create table \(dialect.quoteIdentifier(name)) (" + columns.joined(separator: ", ") + ");")
        print("copy \(dialect.quoteIdentifier(name)) from stdin;")
        try table.copyText { print(String(decoding: $0, as: UTF8.self), terminator: "") }  // valid UTF-8
        print("\\.")
        print("select '\(name)' as seed, count(*) as loaded, \(table.rowCount) as expected from \(dialect.quoteIdentifier(name));")
    }
}
