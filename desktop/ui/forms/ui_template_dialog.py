# generated — do not edit: compiled from forms/template_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 84dc7d01621340ed2fc54925e8f5fd7362b227903777e02616971f3fc18767ca
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'template_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)

class Ui_TemplateDialog(object):
    def setupUi(self, TemplateDialog):
        if not TemplateDialog.objectName():
            TemplateDialog.setObjectName(u"TemplateDialog")
        TemplateDialog.resize(760, 560)
        self.mainLayout = QVBoxLayout(TemplateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(TemplateDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.periodLabel = QLabel(TemplateDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodCombo = QComboBox(TemplateDialog)
        self.periodCombo.setObjectName(u"periodCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodCombo)

        self.folderLabel = QLabel(TemplateDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(TemplateDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.chooseButton = QPushButton(TemplateDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.folderLayout.addWidget(self.chooseButton)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.folderLayout)

        self.overwriteCheck = QCheckBox(TemplateDialog)
        self.overwriteCheck.setObjectName(u"overwriteCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.overwriteCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.unitsHeader = QHBoxLayout()
        self.unitsHeader.setObjectName(u"unitsHeader")
        self.unitsLabel = QLabel(TemplateDialog)
        self.unitsLabel.setObjectName(u"unitsLabel")

        self.unitsHeader.addWidget(self.unitsLabel)

        self.unitsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unitsHeader.addItem(self.unitsSpacer)

        self.allButton = QPushButton(TemplateDialog)
        self.allButton.setObjectName(u"allButton")

        self.unitsHeader.addWidget(self.allButton)

        self.noneButton = QPushButton(TemplateDialog)
        self.noneButton.setObjectName(u"noneButton")

        self.unitsHeader.addWidget(self.noneButton)


        self.mainLayout.addLayout(self.unitsHeader)

        self.unitList = QListWidget(TemplateDialog)
        self.unitList.setObjectName(u"unitList")
        self.unitList.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.unitList)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressBar = QProgressBar(TemplateDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(TemplateDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.progressLayout)

        self.statusLabel = QLabel(TemplateDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.createButton = QPushButton(TemplateDialog)
        self.createButton.setObjectName(u"createButton")

        self.buttonLayout.addWidget(self.createButton)

        self.openFolderButton = QPushButton(TemplateDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonLayout.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(TemplateDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TemplateDialog)

        self.createButton.setDefault(True)

    # setupUi

    def retranslateUi(self, TemplateDialog):
        TemplateDialog.setWindowTitle(QCoreApplication.translate("TemplateDialog", u"T\u1ea1o bi\u1ec3u m\u1eabu cho c\u00e1c \u0111\u01a1n v\u1ecb", None))
        self.headerLabel.setText(QCoreApplication.translate("TemplateDialog", u"T\u1ea1o m\u1ed9t bi\u1ec3u m\u1eabu Excel (.xlsx) cho m\u1ed7i \u0111\u01a1n v\u1ecb \u0111\u1ec3 g\u1eedi qua th\u01b0 \u0111i\u1ec7n t\u1eed ho\u1eb7c ch\u00e9p v\u00e0o USB. \u0110\u01a1n v\u1ecb \u0111i\u1ec1n v\u00e0o c\u00e1c \u00f4 n\u1ec1n v\u00e0ng r\u1ed3i g\u1eedi l\u1ea1i \u0111\u1ec3 nh\u1eadp.", None))
        self.periodLabel.setText(QCoreApplication.translate("TemplateDialog", u"K\u1ef3 b\u00e1o c\u00e1o:", None))
        self.folderLabel.setText(QCoreApplication.translate("TemplateDialog", u"L\u01b0u v\u00e0o th\u01b0 m\u1ee5c:", None))
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("TemplateDialog", u"Ch\u1ecdn th\u01b0 m\u1ee5c (c\u00f3 th\u1ec3 l\u00e0 \u1ed5 USB)", None))
        self.chooseButton.setText(QCoreApplication.translate("TemplateDialog", u"&Ch\u1ecdn th\u01b0 m\u1ee5c\u2026", None))
        self.overwriteCheck.setText(QCoreApplication.translate("TemplateDialog", u"&Ghi \u0111\u00e8 t\u1ec7p c\u00f9ng t\u00ean \u0111\u00e3 c\u00f3 trong th\u01b0 m\u1ee5c (m\u1eb7c \u0111\u1ecbnh: gi\u1eef nguy\u00ean, b\u1ecf qua)", None))
        self.unitsLabel.setText(QCoreApplication.translate("TemplateDialog", u"\u0110\u01a1n v\u1ecb:", None))
        self.allButton.setText(QCoreApplication.translate("TemplateDialog", u"Ch\u1ecdn &t\u1ea5t c\u1ea3", None))
        self.noneButton.setText(QCoreApplication.translate("TemplateDialog", u"&B\u1ecf ch\u1ecdn t\u1ea5t c\u1ea3", None))
        self.cancelButton.setText(QCoreApplication.translate("TemplateDialog", u"&D\u1eebng", None))
        self.createButton.setText(QCoreApplication.translate("TemplateDialog", u"T\u1ea1o bi\u1ec3u &m\u1eabu", None))
        self.openFolderButton.setText(QCoreApplication.translate("TemplateDialog", u"M\u1edf t&h\u01b0 m\u1ee5c", None))
        self.closeButton.setText(QCoreApplication.translate("TemplateDialog", u"\u0110\u00f3&ng", None))
    # retranslateUi

