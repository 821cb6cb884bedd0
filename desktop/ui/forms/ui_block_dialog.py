# generated — do not edit: compiled from forms/block_dialog.ui by build_scripts/compile_forms.py
# source-sha256: c9c63753e3104e2fc81929e64e530dc27f3898c781f2bca5be48e56a908f7ccf
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'block_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

class Ui_BlockDialog(object):
    def setupUi(self, BlockDialog):
        if not BlockDialog.objectName():
            BlockDialog.setObjectName(u"BlockDialog")
        BlockDialog.resize(520, 400)
        self.mainLayout = QVBoxLayout(BlockDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblIntro = QLabel(BlockDialog)
        self.lblIntro.setObjectName(u"lblIntro")
        self.lblIntro.setWordWrap(True)

        self.mainLayout.addWidget(self.lblIntro)

        self.blockList = QListWidget(BlockDialog)
        self.blockList.setObjectName(u"blockList")

        self.mainLayout.addWidget(self.blockList)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.lblCode = QLabel(BlockDialog)
        self.lblCode.setObjectName(u"lblCode")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblCode)

        self.codeEdit = QLineEdit(BlockDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.lblName = QLabel(BlockDialog)
        self.lblName.setObjectName(u"lblName")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lblName)

        self.nameEdit = QLineEdit(BlockDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.btnSave = QPushButton(BlockDialog)
        self.btnSave.setObjectName(u"btnSave")

        self.buttonsLayout.addWidget(self.btnSave)

        self.btnDelete = QPushButton(BlockDialog)
        self.btnDelete.setObjectName(u"btnDelete")

        self.buttonsLayout.addWidget(self.btnDelete)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.lblError = QLabel(BlockDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)

        self.mainLayout.addWidget(self.lblError)

        self.buttonBox = QDialogButtonBox(BlockDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lblCode.setBuddy(self.codeEdit)
        self.lblName.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.blockList, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.btnSave)
        QWidget.setTabOrder(self.btnSave, self.btnDelete)

        self.retranslateUi(BlockDialog)
    # setupUi

    def retranslateUi(self, BlockDialog):
        BlockDialog.setWindowTitle(QCoreApplication.translate("BlockDialog", u"Kh\u1ed1i thi \u0111ua", None))
        self.lblIntro.setText(QCoreApplication.translate("BlockDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb c\u00f9ng kh\u1ed1i \u0111\u01b0\u1ee3c x\u1ebfp h\u1ea1ng v\u1edbi nhau. Ch\u1ecdn m\u1ed9t kh\u1ed1i \u0111\u1ec3 s\u1eeda t\u00ean, ho\u1eb7c nh\u1eadp m\u00e3 m\u1edbi \u0111\u1ec3 th\u00eam kh\u1ed1i.", None))
#if QT_CONFIG(accessibility)
        self.blockList.setAccessibleName(QCoreApplication.translate("BlockDialog", u"C\u00e1c kh\u1ed1i thi \u0111ua", None))
#endif // QT_CONFIG(accessibility)
        self.lblCode.setText(QCoreApplication.translate("BlockDialog", u"&M\u00e3 kh\u1ed1i:", None))
        self.lblName.setText(QCoreApplication.translate("BlockDialog", u"T\u00ea&n kh\u1ed1i:", None))
        self.btnSave.setText(QCoreApplication.translate("BlockDialog", u"&L\u01b0u kh\u1ed1i", None))
        self.btnDelete.setText(QCoreApplication.translate("BlockDialog", u"X\u00f3&a kh\u1ed1i", None))
        self.lblError.setText("")
    # retranslateUi

