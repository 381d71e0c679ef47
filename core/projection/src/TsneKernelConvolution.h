#pragma once

#include <complex>
#include <cstddef>
#include <memory>

struct fftwf_plan_s;

namespace latent {

class ThreadTeam;

// t-SNE's kernels 1/(1+d^2) and 1/(1+d^2)^2 applied by FFT to charges on a square grid of
// equispaced nodes, for the interpolated repulsion (Linderman et al. 2019).
//
// The grids are zero-padded to twice their side so the FFT's circular convolution is the
// plain one. Each 2-D transform is done as rows then columns, so the rows that are all
// padding (or, inverse, not wanted) are skipped: a quarter of the work. Plans are made with FFTW_ESTIMATE (no timing runs, so the same plan, and the
// same bits, every run) and kept while the side is unchanged; the kernels' transforms are
// kept while the spacing is unchanged too. Whole transforms are handed to the threads, each
// inverse one as soon as its forward one is done, so the results do not depend on the
// thread count.
class KernelConvolution {
public:
    static constexpr int kCharges = 3;     // per point: 1, x, y
    static constexpr int kPotentials = 3;  // K2 * 1, K2 * x, K2 * y

    KernelConvolution() = default;
    ~KernelConvolution();
    KernelConvolution(const KernelConvolution&) = delete;
    KernelConvolution& operator=(const KernelConvolution&) = delete;

    // A grid of side x side nodes, `spacing` apart.
    void resize(int side, float spacing);

    // Row length of the charge and potential grids (the padded side).
    std::size_t stride() const { return padded_; }

    // The side x side charges of kind `c` (rows stride() apart), filled before convolve().
    float* charges(int c) { return charges_[c].get(); }

    void convolve(ThreadTeam& team);

    // The potential `k` at every node (rows stride() apart), after convolve().
    const float* potential(int k) const { return potentials_[k].get(); }

    // sum_a,b c0[a] K1(a - b) c0[b] over the nodes, after convolve(): the sum of K1 over
    // all pairs of points, interpolated, each point paired with itself included. Taken
    // from the spectrum (Parseval), which saves an inverse transform.
    double pairSum() const { return pairSum_; }

private:
    struct FftwFree {
        void operator()(void* memory) const;
    };
    using RealGrid = std::unique_ptr<float[], FftwFree>;
    using Spectrum = std::unique_ptr<std::complex<float>[], FftwFree>;

    void allocate();
    void forward(int c);
    void backward(int k);
    double spectralPairSum() const;
    void transformKernels();
    void destroyPlans();

    int side_ = 0;
    std::size_t padded_ = 0;
    float spacing_ = 0.0f;
    double pairSum_ = 0.0;
    RealGrid charges_[kCharges], potentials_[kPotentials];
    Spectrum spectra_[kCharges], products_[kPotentials];
    // The kernels are even in both axes, so their transforms are real.
    RealGrid kernelSpectra_[2];
    // Real rows to half spectra and back (only the side rows that matter), and complex
    // transforms down every column of the half spectrum.
    fftwf_plan_s* rowsForward_ = nullptr;
    fftwf_plan_s* columnsForward_ = nullptr;
    fftwf_plan_s* columnsBackward_ = nullptr;
    fftwf_plan_s* rowsBackward_ = nullptr;
};

}  // namespace latent
