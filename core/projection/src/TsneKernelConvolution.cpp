#include "TsneKernelConvolution.h"

#include <fftw3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>
#include <thread>

#include "latent/core/ThreadTeam.h"

namespace latent {
namespace {

// FFTW's planner is not thread-safe, and two maps may be computed at once.
std::mutex& plannerMutex() {
    static std::mutex mutex;
    return mutex;
}

template <typename T>
T* fftwAllocate(std::size_t count) {
    void* memory = fftwf_malloc(count * sizeof(T));  // aligned as the plans expect
    if (!memory) throw std::bad_alloc();
    return static_cast<T*>(memory);
}

fftwf_complex* asFftw(std::complex<float>* values) {
    return reinterpret_cast<fftwf_complex*>(values);  // layout-compatible, as FFTW documents
}

}  // namespace

void KernelConvolution::FftwFree::operator()(void* memory) const { fftwf_free(memory); }

KernelConvolution::~KernelConvolution() { destroyPlans(); }

void KernelConvolution::destroyPlans() {
    const std::lock_guard lock(plannerMutex());
    for (fftwf_plan_s** plan : {&rowsForward_, &columnsForward_, &columnsBackward_, &rowsBackward_}) {
        if (*plan) fftwf_destroy_plan(*plan);
        *plan = nullptr;
    }
}

void KernelConvolution::resize(int side, float spacing) {
    if (side != side_) {
        side_ = side;
        padded_ = 2 * static_cast<std::size_t>(side);
        allocate();
    } else if (spacing == spacing_) {
        return;
    }
    spacing_ = spacing;
    transformKernels();
}

void KernelConvolution::allocate() {
    destroyPlans();
    const std::size_t real = padded_ * padded_, complex = padded_ * (padded_ / 2 + 1);
    for (auto& grid : charges_) grid.reset(fftwAllocate<float>(real));
    for (auto& grid : potentials_) grid.reset(fftwAllocate<float>(real));
    for (auto& spectrum : spectra_) spectrum.reset(fftwAllocate<std::complex<float>>(complex));
    for (auto& spectrum : products_) spectrum.reset(fftwAllocate<std::complex<float>>(complex));
    for (auto& spectrum : kernelSpectra_) spectrum.reset(fftwAllocate<float>(complex));
    const int n = static_cast<int>(padded_), half = n / 2 + 1;
    {
        const std::lock_guard lock(plannerMutex());
        fftwf_complex* spectrum = asFftw(spectra_[0].get());
        rowsForward_ = fftwf_plan_many_dft_r2c(1, &n, side_, charges_[0].get(), nullptr, 1, n,
                                               spectrum, nullptr, 1, half, FFTW_ESTIMATE);
        columnsForward_ = fftwf_plan_many_dft(1, &n, half, spectrum, nullptr, half, 1, spectrum,
                                              nullptr, half, 1, FFTW_FORWARD, FFTW_ESTIMATE);
        columnsBackward_ = fftwf_plan_many_dft(1, &n, half, spectrum, nullptr, half, 1, spectrum,
                                               nullptr, half, 1, FFTW_BACKWARD, FFTW_ESTIMATE);
        rowsBackward_ = fftwf_plan_many_dft_c2r(1, &n, side_, spectrum, nullptr, 1, half,
                                                potentials_[0].get(), nullptr, 1, n, FFTW_ESTIMATE);
    }
    if (!rowsForward_ || !columnsForward_ || !columnsBackward_ || !rowsBackward_)
        throw std::bad_alloc();
    // Only the side x side corner is ever written; the padding stays zero, since r2c
    // transforms leave their input alone.
    for (auto& grid : charges_) std::fill_n(grid.get(), real, 0.0f);
}

void KernelConvolution::transformKernels() {
    const std::size_t n = padded_, side = static_cast<std::size_t>(side_);
    // Offsets between nodes run from -(side - 1) to side - 1; index side (offset +-side) is
    // never reached and stays 0, which keeps the grid even.
    auto offset = [&](std::size_t r) -> double {
        if (r < side) return static_cast<double>(r);
        if (r > n - side) return static_cast<double>(n - r);
        return -1.0;
    };
    const double scale = 1.0 / static_cast<double>(n * n);  // FFTW's transforms are unnormalised
    float* scratch = potentials_[0].get();
    for (int squared = 0; squared < 2; ++squared) {
        for (std::size_t r = 0; r < n; ++r) {
            for (std::size_t c = 0; c < n; ++c) {
                const double dr = offset(r), dc = offset(c);
                const double d2 = spacing_ * spacing_ * (dr * dr + dc * dc);
                const double q = 1.0 / (1.0 + d2);
                const bool reached = dr >= 0.0 && dc >= 0.0;
                scratch[r * n + c] = reached ? static_cast<float>(scale * (squared ? q * q : q)) : 0.0f;
            }
        }
        // The kernels fill the whole padded grid: a plain 2-D transform, planned per use.
        fftwf_plan whole;
        {
            const std::lock_guard lock(plannerMutex());
            whole = fftwf_plan_dft_r2c_2d(static_cast<int>(n), static_cast<int>(n), scratch,
                                          asFftw(products_[0].get()), FFTW_ESTIMATE);
        }
        if (!whole) throw std::bad_alloc();
        fftwf_execute(whole);
        {
            const std::lock_guard lock(plannerMutex());
            fftwf_destroy_plan(whole);
        }
        const std::size_t complex = n * (n / 2 + 1);
        for (std::size_t k = 0; k < complex; ++k)
            kernelSpectra_[squared][k] = products_[0][k].real();
    }
}

void KernelConvolution::convolve(ThreadTeam& team) {
    // One list of tasks: the forward transforms, then the inverse ones and the pair sum,
    // each waiting for the forward transform it reads. Tasks are taken in list order, so
    // that one is already running and the wait is short.
    constexpr int kTasks = 2 * kCharges + 1;
    std::atomic<int> next{0};
    std::atomic<bool> transformed[kCharges] = {};
    auto waitFor = [&](int c) {
        while (!transformed[c].load(std::memory_order_acquire)) std::this_thread::yield();
    };
    auto work = [&](int) {
        for (int task = next++; task < kTasks; task = next++) {
            if (task < kCharges) {
                forward(task);
                transformed[task].store(true, std::memory_order_release);
            } else if (task < 2 * kCharges) {
                waitFor(task - kCharges);
                backward(task - kCharges);
            } else {
                waitFor(0);
                pairSum_ = spectralPairSum();
            }
        }
    };
    team.run(work);
}

void KernelConvolution::forward(int c) {
    const std::size_t half = padded_ / 2 + 1, side = static_cast<std::size_t>(side_);
    fftwf_complex* spectrum = asFftw(spectra_[c].get());
    fftwf_execute_dft_r2c(rowsForward_, charges_[c].get(), spectrum);
    // The padding's rows transform to zero.
    std::fill(spectra_[c].get() + side * half, spectra_[c].get() + padded_ * half, 0.0f);
    fftwf_execute_dft(columnsForward_, spectrum, spectrum);
}

void KernelConvolution::backward(int k) {
    const std::size_t complex = padded_ * (padded_ / 2 + 1);
    const std::complex<float>* charge = spectra_[k].get();
    const float* kernel = kernelSpectra_[1].get();
    std::complex<float>* product = products_[k].get();
    for (std::size_t i = 0; i < complex; ++i) product[i] = charge[i] * kernel[i];
    fftwf_execute_dft(columnsBackward_, asFftw(product), asFftw(product));
    fftwf_execute_dft_c2r(rowsBackward_, asFftw(product), potentials_[k].get());
}

double KernelConvolution::spectralPairSum() const {
    // sum_n c0[n] (K1 * c0)[n] = sum_k |C0[k]|^2 K1hat[k] / n^2 (the scale is in the
    // kernel's spectrum). The half spectrum stands for its mirror image too: every column
    // but the first and the middle one counts twice.
    const std::size_t columns = padded_ / 2 + 1;
    const std::complex<float>* spectrum = spectra_[0].get();
    const float* kernel = kernelSpectra_[0].get();
    double sum = 0.0;
    for (std::size_t r = 0; r < padded_; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t k = r * columns + c;
            const double weight = (c == 0 || c == columns - 1) ? 1.0 : 2.0;
            const double re = spectrum[k].real(), im = spectrum[k].imag();
            sum += weight * (re * re + im * im) * kernel[k];
        }
    }
    return sum;
}

}  // namespace latent
