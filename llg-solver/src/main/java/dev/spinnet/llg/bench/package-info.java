/** Throughput benchmarks (plain main methods). */
package dev.spinnet.llg.bench;
