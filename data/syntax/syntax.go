// Package syntax embeds sitrep's English tagger, lemmatizer and dependency
// parser model, trained by internal/syntax on UD English-EWT (CC BY-SA 4.0;
// the model is a derivative work under the same licence, see NOTICE.md).
//
// Retraining is done on purpose only, with ../shared beside the repository:
//
//	go generate ./data/syntax
//
// which runs the command below (about ten minutes on two cores) and is
// deterministic: the same treebank and flags give the same file.
package syntax

import _ "embed"

//go:generate go run ../../cmd/sitrep train syntax --train ../../../shared/data/ud/UD_English-EWT/en_ewt-ud-train.conllu --dev ../../../shared/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu --out en_ewt.model.gz

// Model is the gzip-compressed model file; internal/syntax decodes it.
//
//go:embed en_ewt.model.gz
var Model []byte
