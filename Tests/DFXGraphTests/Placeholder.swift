import XCTest

final class DFXGraphTestsPlaceholder: XCTestCase {}
