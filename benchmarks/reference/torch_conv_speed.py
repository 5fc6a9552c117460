#!/usr/bin/env python3
"""PyTorch (oneDNN) convolution and matmul speed on this CPU, 1 and 2 threads: a yardstick for
`./spinnet bench`, i.e. what a tuned native library reaches on the same cores.

    /usr/bin/python3 benchmarks/reference/torch_conv_speed.py     # Debian: apt-get install python3-torch
"""
import time

import torch
import torch.nn.functional as F


def best_gflops(flop, fn, reps=6):
    best = 0.0
    for _ in range(reps):
        t = time.time()
        fn()
        best = max(best, flop / (time.time() - t) / 1e9)
    return best


for threads in (1, 2):
    torch.set_num_threads(threads)
    x, w = torch.randn(64, 256, 16, 16), torch.randn(256, 256, 3, 3)
    conv = best_gflops(2 * 64 * 256 * 9 * 256 * 16 * 16, lambda: F.conv2d(x, w, padding=1))
    print(f"{threads} thread(s): conv2d 256->256, 3x3, 16x16, batch 64: {conv:.1f} GFLOP/s", flush=True)
