@testable import DFXCommands
import DFXTestSupport
import Foundation
import XCTest

/// Parts delivered from many threads in any order land in part order, with one separator between
/// non-empty parts; an abandoned file leaves the previous artifact as it was.
final class OrderedArtifactFileTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dfx-ordered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func testPartsFromManyThreadsLandInOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("artifact.json").path
        // Every seventh part is empty (a batch with no selected node); the others vary in size so
        // that writes take different times.
        let partCount = 500
        @Sendable func part(_ number: Int) -> [UInt8] {
            number % 7 == 3 ? [] : Array("p\(number):".utf8) + Array(repeating: UInt8(ascii: "x"), count: (number * 37) % 3000)
        }
        for round in 0..<5 {
            let file = try OrderedArtifactFile(path: path, partSeparator: [UInt8(ascii: ",")])
            file.write(Array("{".utf8))
            // Delivered in a shuffled order, from as many threads as the machine runs.
            var order = Array(0..<partCount)
            var generator = SplitMix(seed: UInt64(round + 1))
            order.shuffle(using: &generator)
            let shuffled = order
            DispatchQueue.concurrentPerform(iterations: partCount) { index in
                let number = shuffled[index]
                file.deliver(number, part(number))
            }
            file.write(Array("}".utf8))
            try file.finish()

            let expected = "{" + (0..<partCount).map(part).filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
                .joined(separator: ",") + "}"
            let written = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertEqual(written.count, expected.count, "round \(round)")
            XCTAssertTrue(written == expected, "round \(round): parts out of order or separators wrong")
        }
        // Only the artifact is left: no temporary file.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["artifact.json"])
    }

    func testAbandonKeepsThePreviousArtifact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.json").path
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))

        let file = try OrderedArtifactFile(path: path, partSeparator: [UInt8(ascii: ",")])
        file.write(Array("{".utf8))
        file.deliver(1, Array("b".utf8))
        file.deliver(0, Array("a".utf8))
        file.abandon()

        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["manifest.json"])
    }
}
