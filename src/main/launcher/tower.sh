#!/usr/bin/env sh
echo stub
