import Foundation

/// The size a delta gate needs to be decided — its interval clear of the threshold on either
/// side — with a stated probability, when the true difference is `components.mean`. The
/// interval's half-width at confidence c is z₍₁₊c₎/₂ · SE, SE² = (σ²between + σ²within / r) / n,
/// so the gate is decided with power π when |Δ − θ| ≥ (z₍₁₊c₎/₂ + z_π) · SE. A normal
/// approximation to the bootstrap interval the judge computes; the simulation in the tests
/// checks the two agree within ±5 points.
public struct PowerPlan: Sendable, Hashable {
    /// The assumed true difference and its variance components.
    public var components: VarianceComponents
    /// The gate's threshold.
    public var threshold: Double
    /// Which side passes.
    public var comparison: GateResult.Comparison
    /// The judge's confidence.
    public var confidence: Double
    /// The wanted probability of a decision.
    public var power: Double

    /// A plan as given.
    public init(components: VarianceComponents, threshold: Double, comparison: GateResult.Comparison, confidence: Double, power: Double) {
        self.components = components
        self.threshold = threshold
        self.comparison = comparison
        self.confidence = confidence
        self.power = power
    }

    /// How far the assumed difference is from the threshold.
    public var margin: Double { abs(components.mean - threshold) }

    /// The decision the gate is headed for: pass when the difference is on the passing side.
    public var headedFor: GateResult.Status {
        let passes = comparison == .atLeast ? components.mean >= threshold : components.mean <= threshold
        return passes ? .pass : .fail
    }

    /// No variance at all: any size decides (the interval is a point off the threshold), or
    /// none does when the point is on it.
    public var isDeterministic: Bool { components.between + components.within <= 0 }

    /// The largest standard error that still gives `power`; nil when the difference sits on the
    /// threshold (no size decides it).
    public var allowedStandardError: Double? {
        guard margin > Judge.tolerance else { return nil }
        return margin / (StandardNormal.quantile((1 + confidence) / 2) + StandardNormal.quantile(power))
    }

    /// Cases needed at `repetitions` each; 1 when there is no variance; nil when no size decides it.
    public func casesNeeded(repetitions: Int) -> Int? {
        guard let se = allowedStandardError else { return nil }
        if isDeterministic { return 1 }
        let needed = (components.between + components.within / Double(repetitions)) / (se * se)
        return needed < 1e9 ? max(2, Int(needed.rounded(.up))) : nil
    }

    /// Repetitions needed with `cases` cases; nil when more repetitions cannot make up for too
    /// few cases (the between-case part alone is too wide) or no size decides it.
    public func repetitionsNeeded(cases: Int) -> Int? {
        guard let se = allowedStandardError, cases > 0 else { return nil }
        if isDeterministic { return 1 }
        let room = Double(cases) * se * se - components.between
        guard room > 0 else { return nil }
        let needed = components.within / room
        return needed < 1e6 ? max(1, Int(needed.rounded(.up))) : nil
    }

    /// The probability that `cases` × `repetitions` decides the gate.
    public func probabilityDecided(cases: Int, repetitions: Int) -> Double {
        guard margin > Judge.tolerance else { return 0 }
        if isDeterministic { return 1 }
        let se = components.varianceOfMean(cases: cases, repetitions: repetitions).squareRoot()
        return StandardNormal.cdf(margin / se - StandardNormal.quantile((1 + confidence) / 2))
    }
}
