package org.datagora.storage.indexer;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** The few JSON-RPC reads the indexer makes, with node errors turned into exceptions it can act on. */
final class ChainReader {
    private static final int HEADER_BATCH = 100;

    /** The node answered but refused the request (too many results, range too large, timeout). */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    /** A block's hash and time. */
    record Header(long number, String hash, long timestamp) {
    }

    private final Web3j web3j;

    ChainReader(Web3j web3j) {
        this.web3j = web3j;
    }

    long head() throws IOException {
        var response = web3j.ethBlockNumber().send();
        check(response);
        return response.getBlockNumber().longValueExact();
    }

    /** The block at this height on the node's current chain, empty if the chain is not that long. */
    Optional<Header> header(long number) throws IOException {
        EthBlock response = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send();
        check(response);
        return Optional.ofNullable(response.getBlock()).map(ChainReader::header);
    }

    /** Headers of many blocks in a few batched calls; blocks the chain does not have are missing from the map. */
    Map<Long, Header> headers(List<Long> numbers) throws IOException {
        Map<Long, Header> headers = new HashMap<>();
        for (int start = 0; start < numbers.size(); start += HEADER_BATCH) {
            BatchRequest batch = web3j.newBatch();
            for (Long n : numbers.subList(start, Math.min(numbers.size(), start + HEADER_BATCH))) {
                batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
            }
            for (Response<?> response : batch.send().getResponses()) {
                check(response);
                EthBlock.Block block = ((EthBlock) response).getBlock();
                if (block != null) {
                    Header header = header(block);
                    headers.put(header.number(), header);
                }
            }
        }
        return headers;
    }

    List<Log> logs(long from, long to, List<String> addresses, List<String> topics)
            throws IOException, RefusedException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), addresses);
        filter.addOptionalTopics(topics.toArray(String[]::new));
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new RefusedException(response.getError().getMessage());
        }
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : response.getLogs()) {
            logs.add((Log) result.get());
        }
        return logs;
    }

    private static Header header(EthBlock.Block block) {
        return new Header(block.getNumber().longValueExact(), block.getHash(), block.getTimestamp().longValueExact());
    }

    private static void check(Response<?> response) throws IOException {
        if (response.hasError()) {
            throw new IOException("the node answered with an error: " + response.getError().getMessage());
        }
    }
}
