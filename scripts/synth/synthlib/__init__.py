"""Building blocks of scripts/synth/generate.py."""
