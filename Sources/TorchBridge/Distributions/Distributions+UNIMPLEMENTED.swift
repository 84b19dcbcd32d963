import MiniPython

/// The `torch.distributions` classes the tutor does not have: using one raises
/// NotImplementedError naming it, instead of an AttributeError that suggests a typo.
enum DistributionsUnimplemented {
    static let names = [
        "Beta", "Binomial", "Cauchy", "Chi2", "ContinuousBernoulli", "Dirichlet", "Exponential", "FisherSnedecor",
        "Gamma", "Geometric", "Gumbel", "HalfCauchy", "HalfNormal", "Independent", "Laplace", "LogNormal",
        "LowRankMultivariateNormal", "MixtureSameFamily", "Multinomial", "MultivariateNormal", "NegativeBinomial",
        "OneHotCategorical", "Pareto", "Poisson", "RelaxedBernoulli", "RelaxedOneHotCategorical", "StudentT",
        "TransformedDistribution", "Uniform", "VonMises", "Weibull", "kl_divergence",
    ]

    static func add(to module: PyModule) {
        for name in names where module[name] == nil {
            module.addRawFunction(name) { (_, _) throws(PyError) in
                throw TorchErrors.notInTutor("torch.distributions.\(name)")
            }
        }
    }
}
