import Foundation

// Thin wrappers so that the rest of the domain reads as math, not as libm calls.
@inline(__always) func sinSquared(_ x: Double) -> Double { let s = sin(x); return s * s }
@inline(__always) func cosine(_ x: Double) -> Double { cos(x) }
@inline(__always) func arcsine(_ x: Double) -> Double { asin(x) }
