package io.cascadence.temporal.impl;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The threads of one gRPC channel to Temporal: its Netty event loops and its executor, owned here instead of
 * taken from gRPC's process-wide shared pools. gRPC releases those shared pools a while after the last channel
 * closes, on threads that would then outlive this bundle's class loader; {@link #close} stops these and waits for
 * them.
 */
final class ChannelThreads implements AutoCloseable {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private final NioEventLoopGroup loops;
    private final ExecutorService executor;

    ChannelThreads() {
        int connection = CONNECTIONS.incrementAndGet();
        loops = new NioEventLoopGroup(2, named("cascadence-temporal-io-" + connection));
        executor = Executors.newCachedThreadPool(named("cascadence-temporal-grpc-" + connection));
    }

    /** Points a channel builder at these threads. */
    void apply(ManagedChannelBuilder<?> builder) {
        if (builder instanceof NettyChannelBuilder netty) {
            netty.eventLoopGroup(loops).channelType(NioSocketChannel.class).executor(executor)
                    .offloadExecutor(executor);
        }
    }

    @Override
    public void close() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
