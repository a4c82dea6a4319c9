import XCTest

final class DFXCommandsTestsPlaceholder: XCTestCase {}
