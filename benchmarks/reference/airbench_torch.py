#!/usr/bin/env python3
"""Cross-check of the CIFAR-10 float baseline with an independent engine (PyTorch on the CPU).

Why: `./spinnet train cifar10` follows the airbench94 recipe (network-reference.md) but reaches
~90.4 % on the JPEG copy of CIFAR-10, where airbench94 reports 94.0 % on the canonical images.
Training the same recipe, on the same JPEG images, with PyTorch separates "our engine differs"
from "this data and recipe give that". Written here from the published recipe's description;
float32 on the CPU (airbench runs fp16 on a GPU).

    sudo apt-get install python3-torch python3-pil        # Debian 12: PyTorch 1.13 (CPU)
    /usr/bin/python3 benchmarks/reference/airbench_torch.py --widths 64,128,128 --epochs 4

Prints one line per epoch and the final test accuracy (TTA level 2), and compares nothing by
itself: run `./spinnet train cifar10 --widths ... --epochs ...` beside it.
"""
import argparse
import io
import math
import os
import sys
import time
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
MEAN = torch.tensor([0.4914, 0.4822, 0.4465]).view(1, 3, 1, 1)
STD = torch.tensor([0.2470, 0.2435, 0.2616]).view(1, 3, 1, 1)


def load_zip(path, cache):
    """Decodes the class-folder zip once (PIL) and caches uint8 arrays; labels in canonical order."""
    if os.path.exists(cache):
        d = np.load(cache)
        return {k: d[k] for k in d.files}
    from PIL import Image
    out = {}
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.lower().endswith((".jpg", ".jpeg", ".png")))
        for split in ("train", "test"):
            imgs, labels = [], []
            for n in names:
                parts = n.split("/")
                if len(parts) < 3 or parts[-3] != split:
                    continue
                imgs.append(np.asarray(Image.open(io.BytesIO(z.read(n))).convert("RGB")))
                labels.append(CLASSES.index(parts[-2]))
            out[split + "_x"] = np.stack(imgs)
            out[split + "_y"] = np.array(labels, dtype=np.int64)
    np.savez(cache + ".tmp.npz", **out)
    os.replace(cache + ".tmp.npz", cache)
    return out


def to_tensor(x):
    return (torch.from_numpy(x).permute(0, 3, 1, 2).float() / 255 - MEAN) / STD


class BatchNorm(nn.BatchNorm2d):
    def __init__(self, n, momentum=0.6):
        super().__init__(n, eps=1e-12, momentum=1 - momentum)
        self.weight.requires_grad = False  # scale frozen at 1


class Conv(nn.Conv2d):
    def __init__(self, cin, cout):
        super().__init__(cin, cout, kernel_size=3, padding="same", bias=False)

    def reset_parameters(self):
        super().reset_parameters()
        w = self.weight.data
        nn.init.dirac_(w[: w.size(1)])


def activation(name, alpha):
    return nn.GELU() if name == "gelu" else nn.CELU(alpha)


class Group(nn.Module):
    def __init__(self, cin, cout, act):
        super().__init__()
        self.conv1, self.pool, self.norm1 = Conv(cin, cout), nn.MaxPool2d(2), BatchNorm(cout)
        self.conv2, self.norm2, self.act = Conv(cout, cout), BatchNorm(cout), act

    def forward(self, x):
        x = self.act(self.norm1(self.pool(self.conv1(x))))
        return self.act(self.norm2(self.conv2(x)))


class Mul(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s

    def forward(self, x):
        return x * self.s


def make_net(widths, act_name, alpha):
    act = lambda: activation(act_name, alpha)
    return nn.Sequential(
        nn.Conv2d(3, 24, kernel_size=2, padding=0, bias=True), act(),
        Group(24, widths[0], act()), Group(widths[0], widths[1], act()), Group(widths[1], widths[2], act()),
        nn.MaxPool2d(3), nn.Flatten(), nn.Linear(widths[2], 10, bias=False), Mul(1 / 9))


def init_whitening(layer, images, eps=5e-4):
    c, (h, w) = images.shape[1], layer.weight.shape[2:]
    patches = images.unfold(2, h, 1).unfold(3, w, 1).transpose(1, 3).reshape(-1, c, h, w).float()
    flat = patches.reshape(len(patches), -1).double()
    cov = flat.T @ flat / len(flat)
    evals, evecs = torch.linalg.eigh(cov)
    evals, evecs = evals.flip(0).view(-1, 1, 1, 1), evecs.T.reshape(c * h * w, c, h, w).flip(0)
    scaled = (evecs / torch.sqrt(evals + eps)).float()
    layer.weight.data[:] = torch.cat((scaled, -scaled))
    layer.weight.requires_grad = False


def triangle(steps, start, end, peak):
    xp = [0, int(peak * steps), steps]
    return np.interp(np.arange(steps + 1), xp, [start, 1, end])


def batch_crop(padded, size, gen):
    n = len(padded)
    r = padded.shape[-1] - size
    dx = torch.randint(0, r + 1, (n,), generator=gen)
    dy = torch.randint(0, r + 1, (n,), generator=gen)
    out = torch.empty(n, padded.shape[1], size, size)
    for sy in range(r + 1):
        for sx in range(r + 1):
            m = (dy == sy) & (dx == sx)
            out[m] = padded[m, :, sy:sy + size, sx:sx + size]
    return out


def evaluate(net, x, y, tta):
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            b = x[i:i + 1000]
            mirror = lambda t: 0.5 * net(t) + 0.5 * net(t.flip(-1))
            logits = net(b) if tta == 0 else mirror(b)
            if tta >= 2:
                p = F.pad(b, (1,) * 4, mode="reflect")
                moved = 0.5 * (mirror(p[:, :, 0:32, 0:32]) + mirror(p[:, :, 2:34, 2:34]))
                logits = 0.5 * logits + 0.5 * moved
            correct += (logits.argmax(1) == y[i:i + 1000]).sum().item()
    return 100.0 * correct / len(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/datasets/cifar10-jpeg.zip"))
    ap.add_argument("--cache", default="/tmp/cifar10-jpeg-u8.npz")
    ap.add_argument("--widths", default="64,256,256")
    ap.add_argument("--epochs", type=float, default=10)
    ap.add_argument("--activation", choices=["gelu", "celu"], default="gelu")
    ap.add_argument("--celu-alpha", type=float, default=0.3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    widths = [int(w) for w in a.widths.split(",")]

    d = load_zip(a.data, a.cache)
    train_x, train_y = to_tensor(d["train_x"]), torch.from_numpy(d["train_y"])
    test_x, test_y = to_tensor(d["test_x"]), torch.from_numpy(d["test_y"])
    print(f"data {a.data}: {len(train_x)} train / {len(test_x)} test", flush=True)

    batch, momentum = 1024, 0.85
    kilostep = 1024 * (1 + 1 / (1 - momentum))
    lr, wd = 11.5 / kilostep, 0.0153 * batch / kilostep
    lr_bias = lr * 64
    net = make_net(widths, a.activation, a.celu_alpha).to(memory_format=torch.channels_last)
    init_whitening(net[0], train_x[:5000])
    norm_biases = [p for k, p in net.named_parameters() if "norm" in k and p.requires_grad]
    others = [p for k, p in net.named_parameters() if "norm" not in k and p.requires_grad]
    opt = torch.optim.SGD([dict(params=norm_biases, lr=lr_bias, weight_decay=wd / lr_bias),
                           dict(params=others, lr=lr, weight_decay=wd / lr)], momentum=momentum, nesterov=True)
    per_epoch = len(train_x) // batch
    total = math.ceil(per_epoch * a.epochs)
    schedule = triangle(total, 0.2, 0.07, 0.23)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda i: schedule[i])
    alpha = 0.95 ** 5 * (np.arange(total + 1) / total) ** 3
    ema = {k: v.clone() for k, v in net.state_dict().items()}

    def lookahead(decay):
        for k, v in net.state_dict().items():
            if v.dtype == torch.float:
                ema[k].lerp_(v, 1 - decay)
                v.copy_(ema[k])

    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.2, reduction="none")
    flip_mask = torch.rand(len(train_x), generator=gen) < 0.5
    flipped = torch.where(flip_mask.view(-1, 1, 1, 1), train_x.flip(-1), train_x)
    padded = F.pad(flipped, (2,) * 4, mode="reflect")
    step, t0 = 0, time.time()
    for epoch in range(math.ceil(a.epochs)):
        net[0].bias.requires_grad = epoch < 3
        net.train()
        images = batch_crop(padded, 32, gen)
        if epoch % 2 == 1:
            images = images.flip(-1)
        order = torch.randperm(len(images), generator=gen)
        loss_sum = 0.0
        for b in range(per_epoch):
            idx = order[b * batch:(b + 1) * batch]
            out = net(images[idx].contiguous(memory_format=torch.channels_last))
            loss = loss_fn(out, train_y[idx]).sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            loss_sum += loss.item() / batch
            if step % 5 == 0:
                lookahead(alpha[step])
            if step >= total:
                break
        if step >= total:
            lookahead(1.0)
        print(f"epoch {epoch + 1}: loss {loss_sum / (b + 1):.4f}, {time.time() - t0:.0f} s", flush=True)
        if step >= total:
            break
    acc = evaluate(net, test_x.contiguous(memory_format=torch.channels_last), test_y, 2)
    print(f"test accuracy {acc:.2f}% (TTA level 2), widths {widths}, {a.activation}, epochs {a.epochs}, "
          f"seed {a.seed}, training {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
