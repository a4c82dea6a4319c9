import XCTest

final class DFXSeedTestsPlaceholder: XCTestCase {}
