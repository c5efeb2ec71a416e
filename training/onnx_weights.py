"""Torch weights back from a shipped int8 ONNX tagger, for training that starts from it.

The shipped models keep only their int8 graph (the torch state dicts of the runs that made them
live in the git-ignored ``build/``). ``quantize_dynamic`` stores each weight matrix as int8 with a
scale per output channel, and each embedding table as uint8 with one scale: ``(q - zero) * scale``
gives back weights that quantise to exactly the same integers, so a model rebuilt from them and
exported again gives the shipped model's outputs.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import torch

# ner-v1 and attribution-v1 left the package when ner-v2 (one encoder for both) replaced them; this
# commit still holds them, and git gives them back offline
SHIPPED_AT = "83652b0"


def shipped_graph(name_or_path: str) -> Path:
    """An int8 graph: a file path as given, or a model's name (``ner-v1``) looked up in
    ``tidings/models`` and else taken out of git history (commit ``SHIPPED_AT``) into ``build/teachers``."""
    path = Path(name_or_path)
    if path.suffix == ".onnx":
        return path
    shipped = Path("tidings/models") / name_or_path / "model.onnx"
    if shipped.is_file():
        return shipped
    out = Path("build/teachers") / f"{name_or_path}.onnx"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        blob = subprocess.run(["git", "show", f"{SHIPPED_AT}:{shipped.as_posix()}"], check=True,
                              capture_output=True).stdout
        out.write_bytes(blob)
    return out


def state_dict_from_onnx(path: Path) -> dict[str, torch.Tensor]:
    """Parameter name -> tensor (torch ``Linear`` layout) for every weight of an int8 ONNX tagger."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    producer = {o: n for n in graph.node for o in n.output}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    out = {k: v for k, v in inits.items() if "." in k and not k.endswith(("_quantized", "_scale", "_zero_point"))}
    for node in graph.node:
        if node.op_type == "MatMulInteger":  # x_q @ W_q -> Cast -> Mul(x_scale * w_scale)
            _, wq, _, wzp = node.input
            cast = consumers[node.output[0]][0]
            mul = consumers[cast.output[0]][0]
            scales = producer[next(i for i in mul.input if i != cast.output[0])]
            wscale = next(i for i in scales.input if i in inits)
            w = (inits[wq].astype(np.float32) - inits[wzp].astype(np.float32)) * inits[wscale]
            module = node.name.strip("/").rsplit("/", 1)[0].replace("/", ".")  # /bert/encoder/layer.0/.../query
            out[module + ".weight"] = w.T.copy()
        elif node.op_type == "DequantizeLinear" and node.input[1] in inits:  # embedding tables
            table = producer[node.input[0]].input[0]
            w = (inits[table].astype(np.float32) - inits[node.input[2]].astype(np.float32)) * inits[node.input[1]]
            out[table[: -len("_quantized")]] = w
    return {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in out.items()}
