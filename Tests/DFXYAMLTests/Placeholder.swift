import XCTest

final class DFXYAMLTestsPlaceholder: XCTestCase {}
