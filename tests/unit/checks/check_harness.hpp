// check_harness - evaluates headers + envelope with a configuration and answers
// questions about the findings, so check tests read as behaviour.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "test_support.hpp"

namespace sg::test {

struct Outcome {
    engine::Evaluation evaluation;

    std::vector<std::string> keys() const {
        std::vector<std::string> keys;
        for (const core::Finding& f : evaluation.verdict.findings) keys.push_back(f.weight_key());
        return keys;
    }
    bool has(const std::string& weight_key) const {
        auto all = keys();
        return std::find(all.begin(), all.end(), weight_key) != all.end();
    }
    bool has_id(const std::string& id) const {
        for (const core::Finding& f : evaluation.verdict.findings)
            if (f.id == id) return true;
        return false;
    }
    const core::Finding* finding(const std::string& id) const {
        for (const core::Finding& f : evaluation.verdict.findings)
            if (f.id == id) return &f;
        return nullptr;
    }
    std::string evidence(const std::string& id, const std::string& key) const {
        if (const core::Finding* f = finding(id))
            for (const auto& [k, v] : f->evidence)
                if (k == key) return v;
        return "<none>";
    }
    core::Action action() const { return evaluation.verdict.action; }
    std::string note(const std::string& check) const {
        for (const auto& outcome : evaluation.outcomes)
            if (outcome.check == check) return outcome.note;
        return "<no such check>";
    }
};

inline Outcome evaluate(const std::string& headers, const Envelope& envelope, const config::Config& config) {
    return {engine::evaluate(make_transaction(headers, envelope), config)};
}

}  // namespace sg::test
