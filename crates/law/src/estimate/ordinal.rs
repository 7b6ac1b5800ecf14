//! Cumulative-logit (proportional-odds) regression: a small, tested implementation.
//!
//! Classes are ordered `0..K` from worst to best; a row with features `x` has the latent score
//! `s = x·β` and `P(Y ≤ j) = σ(θ_j − s)` for the `K − 1` increasing cut points `θ`. A positive
//! coefficient therefore moves a row toward the better classes. Fitting maximises the
//! log-likelihood minus `l2/2 · |β|²` (cut points carry a tiny ridge, [`THETA_RIDGE`], so a class
//! absent from a training fold cannot send them to infinity) by Newton's method with the exact
//! Hessian and step halving. The problem is concave, so the optimum is unique: the same data
//! give the same coefficients, whatever the start.

/// Ridge on the cut points: keeps them finite when a class is empty.
pub const THETA_RIDGE: f64 = 1e-4;
const MAX_ITERATIONS: usize = 200;
const TOLERANCE: f64 = 1e-9;

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The `K − 1` cut points, increasing.
    pub thresholds: Vec<f64>,
    /// One coefficient per feature.
    pub coefficients: Vec<f64>,
    pub iterations: usize,
    pub converged: bool,
    /// Penalised log-likelihood at the optimum.
    pub objective: f64,
}

fn sigmoid(u: f64) -> f64 {
    if u >= 0.0 {
        1.0 / (1.0 + (-u).exp())
    } else {
        let e = u.exp();
        e / (1.0 + e)
    }
}

/// Class probabilities of one row (they sum to 1).
pub fn probabilities(thresholds: &[f64], coefficients: &[f64], x: &[f64]) -> Vec<f64> {
    let s = score(coefficients, x);
    let k = thresholds.len() + 1;
    (0..k)
        .map(|c| {
            let up = if c + 1 < k { sigmoid(thresholds[c] - s) } else { 1.0 };
            let lo = if c > 0 { sigmoid(thresholds[c - 1] - s) } else { 0.0 };
            (up - lo).max(0.0)
        })
        .collect()
}

/// The latent score `x·β`.
pub fn score(coefficients: &[f64], x: &[f64]) -> f64 {
    coefficients.iter().zip(x).map(|(b, v)| b * v).sum()
}

/// Penalised log-likelihood, or `None` when a row has zero probability (cut points out of order).
fn objective(x: &[Vec<f64>], y: &[(usize, usize)], theta: &[f64], beta: &[f64], l2: f64) -> Option<f64> {
    if theta.windows(2).any(|w| w[1] <= w[0]) {
        return None;
    }
    let mut ll = 0.0;
    for (row, &(lo, hi)) in x.iter().zip(y) {
        let p: f64 = probabilities(theta, beta, row)[lo..=hi].iter().sum();
        if p <= 0.0 || !p.is_finite() {
            return None;
        }
        ll += p.ln();
    }
    let pen_b: f64 = beta.iter().map(|b| b * b).sum::<f64>() * l2 / 2.0;
    let pen_t: f64 = theta.iter().map(|t| t * t).sum::<f64>() * THETA_RIDGE / 2.0;
    Some(ll - pen_b - pen_t)
}

/// Fit on rows `x` (all the same length) with classes `y` in `0..classes`.
pub fn fit(x: &[Vec<f64>], y: &[usize], classes: usize, l2: f64) -> Fit {
    let intervals: Vec<(usize, usize)> = y.iter().map(|c| (*c, *c)).collect();
    fit_intervals(x, &intervals, classes, l2)
}

/// Fit where each row's class is only known to lie in `lo..=hi` (interval-censored): a row
/// whose observed tier the statute would also have produced from a neighbouring proposed tier
/// (a downgrade turns a proposed watch-list year into Tier 3) is fitted on that whole interval.
pub fn fit_intervals(x: &[Vec<f64>], y: &[(usize, usize)], classes: usize, l2: f64) -> Fit {
    assert!(classes >= 2, "an ordinal model needs at least two classes");
    assert_eq!(x.len(), y.len());
    assert!(y.iter().all(|(lo, hi)| lo <= hi && *hi < classes));
    let p = x.first().map(Vec::len).unwrap_or(0);
    let nt = classes - 1;
    // Start: cut points at the logits of the (smoothed) cumulative class shares, β = 0.
    let mut counts = vec![0.5; classes];
    for &(lo, hi) in y {
        let w = 1.0 / (hi - lo + 1) as f64;
        for c in lo..=hi {
            counts[c] += w;
        }
    }
    let total: f64 = counts.iter().sum();
    let mut acc = 0.0;
    let mut theta: Vec<f64> = counts[..nt]
        .iter()
        .map(|c| {
            acc += c;
            let q = acc / total;
            (q / (1.0 - q)).ln()
        })
        .collect();
    let mut beta = vec![0.0; p];
    let mut obj = objective(x, y, &theta, &beta, l2).unwrap_or(f64::NEG_INFINITY);
    let mut converged = false;
    let mut iterations = 0;
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        let (grad, neg_hess) = derivatives(x, y, &theta, &beta, l2);
        let Some(step) = solve(neg_hess, grad.clone()) else { break };
        let mut t = 1.0;
        let mut moved = false;
        for _ in 0..40 {
            let th: Vec<f64> = theta.iter().zip(&step[..nt]).map(|(a, d)| a + t * d).collect();
            let be: Vec<f64> = beta.iter().zip(&step[nt..]).map(|(a, d)| a + t * d).collect();
            if let Some(o) = objective(x, y, &th, &be, l2) {
                if o >= obj - 1e-12 {
                    let gain = o - obj;
                    theta = th;
                    beta = be;
                    obj = o;
                    moved = true;
                    let size = step.iter().fold(0.0f64, |m, d| m.max(d.abs())) * t;
                    if size < TOLERANCE || gain.abs() < TOLERANCE * 1e-3 {
                        converged = true;
                    }
                    break;
                }
            }
            t /= 2.0;
        }
        if !moved || converged {
            converged = converged || grad.iter().all(|g| g.abs() < 1e-6);
            break;
        }
    }
    Fit { thresholds: theta, coefficients: beta, iterations, converged, objective: obj }
}

/// Gradient of the penalised log-likelihood and the negative Hessian, over (θ, β).
fn derivatives(x: &[Vec<f64>], y: &[(usize, usize)], theta: &[f64], beta: &[f64], l2: f64) -> (Vec<f64>, Vec<Vec<f64>>) {
    let nt = theta.len();
    let p = beta.len();
    let n = nt + p;
    let mut g = vec![0.0; n];
    let mut h = vec![vec![0.0; n]; n];
    for (row, &(lo, hi)) in x.iter().zip(y) {
        let s = score(beta, row);
        // The two ends of the class interval: (index of θ, u = θ − s), if finite.
        let upper = (hi < nt).then(|| (hi, theta[hi] - s));
        let lower = (lo > 0).then(|| (lo - 1, theta[lo - 1] - s));
        let fu = upper.map(|(_, u)| sigmoid(u)).unwrap_or(1.0);
        let fl = lower.map(|(_, u)| sigmoid(u)).unwrap_or(0.0);
        let prob = (fu - fl).max(1e-300);
        let dens = |u: f64| {
            let q = sigmoid(u);
            (q * (1.0 - q), q * (1.0 - q) * (1.0 - 2.0 * q))
        };
        // d log p / du for each end, and the second derivatives.
        let (da, daa) = upper.map(|(_, u)| { let (f, f1) = dens(u); (f / prob, f1 / prob) }).unwrap_or((0.0, 0.0));
        let (db, dbb) = lower.map(|(_, u)| { let (f, f1) = dens(u); (-f / prob, -f1 / prob) }).unwrap_or((0.0, 0.0));
        let haa = daa - da * da;
        let hbb = dbb - db * db;
        let hab = -da * db;
        // Jacobian rows: d u / d params = e_θ − x.
        let jac = |end: Option<(usize, f64)>| -> Vec<f64> {
            let mut j = vec![0.0; n];
            if let Some((i, _)) = end {
                j[i] = 1.0;
                for (k, v) in row.iter().enumerate() {
                    j[nt + k] = -v;
                }
            }
            j
        };
        let ja = jac(upper);
        let jb = jac(lower);
        for i in 0..n {
            g[i] += da * ja[i] + db * jb[i];
            for k in 0..n {
                h[i][k] -= haa * ja[i] * ja[k] + hbb * jb[i] * jb[k] + hab * (ja[i] * jb[k] + jb[i] * ja[k]);
            }
        }
    }
    for i in 0..nt {
        g[i] -= THETA_RIDGE * theta[i];
        h[i][i] += THETA_RIDGE;
    }
    for k in 0..p {
        g[nt + k] -= l2 * beta[k];
        h[nt + k][nt + k] += l2;
    }
    (g, h)
}

/// Solve `a·x = b` for symmetric positive definite `a` (Cholesky); `None` if it is not.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for j in 0..n {
        let mut d = a[j][j];
        for k in 0..j {
            d -= a[j][k] * a[j][k];
        }
        if d <= 1e-14 {
            return None;
        }
        let d = d.sqrt();
        a[j][j] = d;
        for i in j + 1..n {
            let mut v = a[i][j];
            for k in 0..j {
                v -= a[i][k] * a[j][k];
            }
            a[i][j] = v / d;
        }
    }
    for i in 0..n {
        let mut v = b[i];
        for k in 0..i {
            v -= a[i][k] * b[k];
        }
        b[i] = v / a[i][i];
    }
    for i in (0..n).rev() {
        let mut v = b[i];
        for k in i + 1..n {
            v -= a[k][i] * b[k];
        }
        b[i] = v / a[i][i];
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed-seed linear congruential generator: deterministic synthetic data.
    struct Lcg(u64);
    impl Lcg {
        fn uniform(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        }
    }

    /// Rows drawn from a known model: latent `x·β + logistic noise`, cut at `θ`.
    fn synthetic(n: usize, beta: &[f64], theta: &[f64], seed: u64) -> (Vec<Vec<f64>>, Vec<usize>) {
        let mut r = Lcg(seed);
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for _ in 0..n {
            let x: Vec<f64> = beta.iter().enumerate().map(|(i, _)| if i == 0 { r.uniform() * 4.0 - 2.0 } else if r.uniform() < 0.4 { 1.0 } else { 0.0 }).collect();
            let u = r.uniform();
            let latent = score(beta, &x) + (u / (1.0 - u)).ln();
            ys.push(theta.iter().filter(|t| **t < latent).count());
            xs.push(x);
        }
        (xs, ys)
    }

    #[test]
    fn recovers_known_coefficients() {
        let beta = [1.2, -0.8, 0.5];
        let theta = [-1.5, 0.0, 1.7];
        let (x, y) = synthetic(6000, &beta, &theta, 7);
        let f = fit(&x, &y, 4, 1e-6);
        assert!(f.converged, "{f:?}");
        for (got, want) in f.coefficients.iter().zip(beta) {
            assert!((got - want).abs() < 0.12, "coefficient {got} vs {want}");
        }
        for (got, want) in f.thresholds.iter().zip(theta) {
            assert!((got - want).abs() < 0.15, "threshold {got} vs {want}");
        }
    }

    #[test]
    fn probabilities_sum_to_one_and_follow_the_score() {
        let th = [-1.0, 0.5, 2.0];
        let p = probabilities(&th, &[1.0], &[0.0]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let worse = probabilities(&th, &[1.0], &[-3.0]);
        let better = probabilities(&th, &[1.0], &[3.0]);
        assert!(worse[0] > p[0] && better[3] > p[3]);
    }

    #[test]
    fn penalty_shrinks_toward_zero_and_gradient_vanishes_at_the_optimum() {
        let (x, y) = synthetic(400, &[1.0, -1.0], &[-1.0, 1.0], 3);
        let loose = fit(&x, &y, 3, 1e-6);
        let tight = fit(&x, &y, 3, 500.0);
        let norm = |f: &Fit| f.coefficients.iter().map(|b| b * b).sum::<f64>();
        assert!(norm(&tight) < norm(&loose) / 4.0);
        let iv: Vec<(usize, usize)> = y.iter().map(|c| (*c, *c)).collect();
        let (g, _) = derivatives(&x, &iv, &loose.thresholds, &loose.coefficients, 1e-6);
        assert!(g.iter().all(|v| v.abs() < 1e-5), "{g:?}");
    }

    #[test]
    fn censored_rows_are_fitted_on_their_interval() {
        // Merging classes 0 and 1 for every row leaves the coefficient identifiable from the
        // other cut points: it is still recovered.
        let (x, y) = synthetic(4000, &[1.0], &[-1.0, 0.0, 1.0], 5);
        let iv: Vec<(usize, usize)> = y.iter().map(|c| if *c <= 1 { (0, 1) } else { (*c, *c) }).collect();
        let f = fit_intervals(&x, &iv, 4, 1e-6);
        assert!((f.coefficients[0] - 1.0).abs() < 0.12, "{:?}", f.coefficients);
        assert!((f.thresholds[1] - 0.0).abs() < 0.15 && (f.thresholds[2] - 1.0).abs() < 0.15, "{:?}", f.thresholds);
    }

    #[test]
    fn a_class_missing_from_the_data_keeps_finite_cut_points() {
        let (x, mut y) = synthetic(300, &[1.0], &[-1.0, 0.0, 1.0], 11);
        for c in &mut y {
            if *c == 3 {
                *c = 2;
            }
        }
        let f = fit(&x, &y, 4, 1.0);
        assert!(f.thresholds.iter().all(|t| t.is_finite()));
        assert!(f.thresholds.windows(2).all(|w| w[0] < w[1]));
    }
}
